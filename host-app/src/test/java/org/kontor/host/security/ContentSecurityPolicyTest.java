package org.kontor.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytics providers' sources join the policy as plain origins only; nothing else gets in. */
class ContentSecurityPolicyTest {

    @Test
    void withoutSourcesThePolicyIsTheHostsOwn() {
        assertThat(SecurityHeaders.policy(List.of())).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "connect-src 'self';", "img-src 'self' data:;");
    }

    @Test
    void originsAreAddedToScriptConnectAndImageSources() {
        String policy = SecurityHeaders.policy(List.of("https://stats.example.org", "https://*.google-analytics.com",
                "http://127.0.0.1:8089", "https://stats.example.org"));

        assertThat(policy).contains(
                "script-src 'self' https://stats.example.org https://*.google-analytics.com http://127.0.0.1:8089;",
                "connect-src 'self' https://stats.example.org https://*.google-analytics.com http://127.0.0.1:8089;",
                "img-src 'self' data: https://stats.example.org https://*.google-analytics.com http://127.0.0.1:8089;",
                "default-src 'self'", "style-src 'self';", "object-src 'none'");
    }

    @Test
    void anythingButAPlainOriginIsLeftOut() {
        String policy = SecurityHeaders.policy(List.of("'unsafe-inline'", "https:", "*", "https://a.example; script-src *",
                "https://a.example/path", "javascript:alert(1)", "data:", "https://ok.example"));

        assertThat(policy).doesNotContain("unsafe-inline", "a.example", "javascript", "script-src *")
                .contains("script-src 'self' https://ok.example;");
        assertThat(policy.split(";")).hasSize(10);
    }
}
