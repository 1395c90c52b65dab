package org.kontor.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;

class AuthCodeCheckTest {

    @Test
    void onlyAValidCodeOrARegistryThatCannotCheckAllowTheOrder() {
        assertThat(AuthCodeCheck.valid().allowsOrder()).isTrue();
        assertThat(AuthCodeCheck.UNSUPPORTED.allowsOrder()).isTrue();
        assertThat(AuthCodeCheck.unsupported("checked on transfer").allowsOrder()).isTrue();
        assertThat(AuthCodeCheck.invalid("refused").allowsOrder()).isFalse();
        assertThat(AuthCodeCheck.notTransferable("locked").allowsOrder()).isFalse();
        assertThat(AuthCodeCheck.unknown("down").allowsOrder()).isFalse();
        assertThat(AuthCodeCheck.notTransferable("locked").reason()).isEqualTo("locked");
        assertThatThrownBy(() -> new AuthCodeCheck(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRegistryThatDoesNotImplementTheCheckAnswersUnsupported() {
        DomainRegistry registry = (DomainRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DomainRegistry.class}, (proxy, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : null);

        assertThat(registry.verifyAuthCode(DomainName.of("example.dk"), "code")).isEqualTo(AuthCodeCheck.UNSUPPORTED);
    }
}
