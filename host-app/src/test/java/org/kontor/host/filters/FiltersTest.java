package org.kontor.host.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.filter.Action;
import org.kontor.api.filter.Filter;
import org.kontor.api.filter.FilterDecision;
import org.kontor.host.plugins.FakeExtensions;

class FiltersTest {

    record Signup(String email, int riskScore) implements Action {
    }

    record Checkout(String orderId) implements Action {
    }

    private final FakeExtensions extensions = new FakeExtensions();
    private final Filters filters = new Filters(extensions);
    private final List<String> seen = new ArrayList<>();

    @Test
    void withoutFiltersTheActionProceedsUnchanged() {
        Signup signup = new Signup("ada@example.dk", 0);

        FilterResult<Signup> result = filters.apply(signup);

        assertThat(result.isVetoed()).isFalse();
        assertThat(result.action()).isSameAs(signup);
    }

    @Test
    void eachFilterSeesTheActionAsThePreviousOneLeftIt() {
        extensions.add("geoip", Filter.class, filter(Signup.class, signup -> {
            seen.add("geoip saw " + signup.riskScore());
            return FilterDecision.proceed(new Signup(signup.email(), signup.riskScore() + 30));
        }));
        extensions.add("phone", Filter.class, filter(Signup.class, signup -> {
            seen.add("phone saw " + signup.riskScore());
            return FilterDecision.proceed(new Signup(signup.email(), signup.riskScore() + 5));
        }));

        FilterResult<Signup> result = filters.apply(new Signup("ada@example.dk", 10));

        assertThat(seen).containsExactly("geoip saw 10", "phone saw 40");
        assertThat(result.action().riskScore()).isEqualTo(45);
    }

    @Test
    void theFirstVetoStopsTheChainAndNamesThePlugin() {
        extensions.add("credit-score", Filter.class, filter(Signup.class,
                signup -> FilterDecision.veto("risk.score-too-low", "Your order needs a manual check.")));
        extensions.add("phone", Filter.class, filter(Signup.class, signup -> {
            seen.add("phone");
            return FilterDecision.proceed(signup);
        }));

        FilterResult<Signup> result = filters.apply(new Signup("ada@example.dk", 10));

        assertThat(result.isVetoed()).isTrue();
        assertThat(result.vetoedBy()).isEqualTo("credit-score");
        assertThat(result.code()).isEqualTo("risk.score-too-low");
        assertThat(result.message()).isEqualTo("Your order needs a manual check.");
        assertThat(seen).isEmpty();
    }

    @Test
    void filtersForOtherActionsAreNotCalled() {
        extensions.add("checkout-guard", Filter.class, filter(Checkout.class, checkout -> {
            seen.add("checkout");
            return FilterDecision.veto("no", "no");
        }));

        FilterResult<Signup> result = filters.apply(new Signup("ada@example.dk", 0));

        assertThat(result.isVetoed()).isFalse();
        assertThat(seen).isEmpty();
    }

    @Test
    void aFilterThatThrowsStopsTheActionInsteadOfWavingItThrough() {
        extensions.add("broken", Filter.class, filter(Signup.class, signup -> {
            throw new IllegalStateException("credit bureau unreachable");
        }));

        FilterResult<Signup> result = filters.apply(new Signup("ada@example.dk", 0));

        assertThat(result.isVetoed()).isTrue();
        assertThat(result.vetoedBy()).isEqualTo("broken");
        assertThat(result.code()).isEqualTo("filter.failed");
    }

    @Test
    void aFilterThatAnswersNothingStopsTheAction() {
        extensions.add("silent", Filter.class, filter(Signup.class, signup -> null));

        assertThat(filters.apply(new Signup("ada@example.dk", 0)).isVetoed()).isTrue();
    }

    private static <A extends Action> Filter<A> filter(Class<A> type, java.util.function.Function<A, FilterDecision<A>> body) {
        return new Filter<>() {
            @Override
            public Class<A> actionType() {
                return type;
            }

            @Override
            public FilterDecision<A> before(A action) {
                return body.apply(action);
            }
        };
    }
}
