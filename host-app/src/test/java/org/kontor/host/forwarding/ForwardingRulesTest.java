package org.kontor.host.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;

/** The rules of forwards and aliases that need no host: targets, names, locations, Host headers. */
class ForwardingRulesTest {

    private static WebForward forward(String target, boolean keepPath) {
        return new WebForward("example.test", "example.test", "@", "c", target, WebForward.Kind.PERMANENT, 301,
                keepPath);
    }

    @Test
    void theLocationKeepsPathAndQueryOnlyWhenAsked() {
        assertThat(forward("https://t.example/", true).location("/a/b", "x=1")).isEqualTo("https://t.example/a/b?x=1");
        assertThat(forward("https://t.example", true).location("/a", null)).isEqualTo("https://t.example/a");
        assertThat(forward("https://t.example/base/", true).location("/a", null)).isEqualTo("https://t.example/base/a");
        assertThat(forward("https://t.example/base?k=v", true).location("/a", "x=1"))
                .isEqualTo("https://t.example/base/a?k=v&x=1");
        assertThat(forward("https://t.example/base?k=v", true).location("/", null)).isEqualTo("https://t.example/base?k=v");
        assertThat(forward("https://t.example/base", false).location("/a", "x=1")).isEqualTo("https://t.example/base");
    }

    @Test
    void onlyHttpAndHttpsTargetsWithAHostAreTaken() {
        assertThat(Forwardings.target(" https://t.example/x?y=1 ").toString()).isEqualTo("https://t.example/x?y=1");
        assertThat(Forwardings.target("HTTP://t.example").getHost()).isEqualTo("t.example");
        for (String bad : List.of("javascript:alert(1)", "data:text/html,x", "ftp://t.example/", "//t.example/",
                "https://", "https://u:p@t.example/", "https://t.example/#top", "https://t.example/a b",
                "https://t.example/\u0000", "mailto:a@t.example", "", "https://t.example/" + "a".repeat(2000))) {
            assertThatThrownBy(() -> Forwardings.target(bad)).as(bad).isInstanceOf(ForwardingRefusedException.class)
                    .extracting("code").isEqualTo("invalid-target");
        }
    }

    @Test
    void labelsAreTheDomainOrOneName() {
        assertThat(Forwardings.label("")).isEqualTo("@");
        assertThat(Forwardings.label("WWW")).isEqualTo("www");
        for (String bad : List.of("a.b", "-a", "a_b", "*", "a".repeat(64))) {
            assertThatThrownBy(() -> Forwardings.label(bad)).as(bad).isInstanceOf(ForwardingRefusedException.class);
        }
    }

    @Test
    void aliasTargetsAreAddressesElsewhere() {
        DomainName domain = DomainName.of("example.test");
        assertThat(Forwardings.targets(domain, List.of("a@example.org, b@Bücher.example", "a@example.org")))
                .containsExactly("a@example.org", "b@xn--bcher-kva.example");
        assertThat(refusal(domain, List.of("x@EXAMPLE.test"))).isEqualTo("loop");
        assertThat(refusal(domain, List.of("no-at-sign"))).isEqualTo("invalid-address");
        assertThat(refusal(domain, List.of(".a@example.org"))).isEqualTo("invalid-address");
        assertThat(refusal(domain, List.of(" "))).isEqualTo("invalid-targets");
        assertThat(refusal(domain, java.util.stream.IntStream.range(0, 21).mapToObj(i -> "a" + i + "@example.org")
                .toList())).isEqualTo("invalid-targets");
    }

    @Test
    void theHostHeaderIsReadWithoutPort() {
        assertThat(ForwardingHandler.hostName("example.test:8080")).isEqualTo("example.test");
        assertThat(ForwardingHandler.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(ForwardingHandler.hostName(" ")).isNull();
        assertThat(ForwardingHandler.origin("https://shop.example:8443/a?b")).isEqualTo("https://shop.example:8443");
        assertThat(ForwardingHandler.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    private static String refusal(DomainName domain, List<String> targets) {
        try {
            Forwardings.targets(domain, targets);
        } catch (ForwardingRefusedException e) {
            return e.code();
        }
        throw new AssertionError("not refused: " + targets);
    }
}
