package org.kontor.host.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.PasswordHasher;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Customer accounts against the database: sign-up rules, sign-in, throttling and password hashes (CC-1). */
@DatabaseTest(migrateHost = true)
class CustomersTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final PasswordHasher.Parameters SMALL = new PasswordHasher.Parameters(1024, 1, 1);

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private Customers customers;
    private Database db;

    @BeforeEach
    void setUp(Database database) {
        db = database;
        customers = customers(SMALL);
    }

    private Customers customers(PasswordHasher.Parameters parameters) {
        return new Customers(db.jdbi(), clock, new PasswordHasher(parameters, new SecureRandom()),
                LoginThrottle.standard(db.jdbi(), clock), SupportedLanguages.standard());
    }

    private static String email() {
        return "kunde" + SEQUENCE.incrementAndGet() + "@example.dk";
    }

    private static SignUp signUp(String email, String password) {
        return new SignUp(email, password, "Karen Kunde", null, "DK", "da", null);
    }

    @DbTest
    void signUpStoresTheAccountWithTheCountrysCurrencyAndOnlyAHashOfThePassword(Database database) {
        String email = email();

        Customer customer = customers.signUp(new SignUp("  " + email + " ", "en god lang adgangskode", " Karen Kunde ",
                "", "dk", "DA", null));

        assertThat(customer.email()).isEqualTo(email);
        assertThat(customer.name()).isEqualTo("Karen Kunde");
        assertThat(customer.company()).isNull();
        assertThat(customer.country()).isEqualTo("DK");
        assertThat(customer.language()).isEqualTo("da");
        assertThat(customer.currency()).isEqualTo("DKK");
        assertThat(customer.role()).isEqualTo(Access.CUSTOMER);
        assertThat(customer.createdAt()).isEqualTo(clock.instant());
        assertThat(customers.find(customer.id())).contains(customer);
        assertThat(customers.findByEmail(email.toUpperCase())).contains(customer);
        String hash = customers.passwordHashOf(customer.id()).orElseThrow();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("en god lang adgangskode");
        assertThat(new PasswordHasher(SMALL, new SecureRandom()).verify("en god lang adgangskode", hash)).isTrue();
        assertThat(customers.signUp(new SignUp(email(), "en god lang adgangskode", "Hans", null, "DE", "de", null)).currency())
                .isEqualTo("EUR");
    }

    @DbTest
    void eachSignUpRuleNamesItsFieldAndNothingIsSaved(Database database) {
        assertRefused(new SignUp("", "", " ", null, "", "", null),
                Map.of("email", "required", "password", "required", "name", "required", "country", "required",
                        "language", "required"));
        assertRefused(new SignUp("no-at-sign.dk", "kort", "Karen", null, "XX", "fr", "EURO"),
                Map.of("email", "email-invalid", "password", "password-too-short", "country", "country-unknown",
                        "language", "language-unsupported", "currency", "currency-unknown"));
        String email = email();
        assertRefused(new SignUp(email, email.toUpperCase(), "Karen", null, "DK", "da", null),
                Map.of("password", "password-is-email"));
        assertRefused(new SignUp(email, "x".repeat(Customers.MAX_PASSWORD_LENGTH + 1), "K".repeat(201), null, "DK", "da", null),
                Map.of("password", "password-too-long", "name", "too-long"));
        assertRefused(new SignUp("a b@example.dk", "en god lang adgangskode", "Karen", null, "DK", "da", null),
                Map.of("email", "email-invalid"));
        assertRefused(new SignUp("karen@localhost", "en god lang adgangskode", "Karen", null, "DK", "da", null),
                Map.of("email", "email-invalid"));
        assertThat(customers.findByEmail(email)).as("nothing saved").isEmpty();
        assertThat(customers.signUp(new SignUp(email, "ti tegn ok", "Karen", null, "DK", "da", null)).email())
                .as("exactly ten characters are enough").isEqualTo(email);
    }

    @DbTest
    void anAddressIsTakenWhateverItsCase(Database database) {
        String email = email();
        customers.signUp(signUp(email, "en god lang adgangskode"));

        assertRefused(signUp(email.toUpperCase(), "en anden lang adgangskode"), Map.of("email", "email-taken"));
        assertRefused(signUp(" " + email.replace("kunde", "KUNDE"), "en anden lang adgangskode"), Map.of("email", "email-taken"));
    }

    @DbTest
    void signInSucceedsWithTheRightPasswordAndGivesTheSameAnswerForUnknownAddressesAndWrongPasswords(Database database) {
        String email = email();
        Customer customer = customers.signUp(signUp(email, "en god lang adgangskode"));

        assertThat(customers.authenticate(email.toUpperCase(), "en god lang adgangskode"))
                .isEqualTo(new SignInResult.SignedIn(customer));
        assertThat(customers.authenticate(email, "en forkert adgangskode")).isEqualTo(new SignInResult.Refused());
        assertThat(customers.authenticate("ingen" + email, "en god lang adgangskode")).isEqualTo(new SignInResult.Refused());
        assertThat(customers.authenticate(email, null)).isEqualTo(new SignInResult.Refused());
        assertThat(customers.authenticate(null, null)).isEqualTo(new SignInResult.Refused());
    }

    @DbTest
    void fiveFailuresWithinFifteenMinutesPauseSignInForTheAddressEvenWithTheRightPassword(Database database) {
        String email = email();
        Customer customer = customers.signUp(signUp(email, "en god lang adgangskode"));
        for (int i = 0; i < 4; i++) {
            assertThat(customers.authenticate(email, "forkert " + i)).isEqualTo(new SignInResult.Refused());
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(customers.authenticate(email, "forkert 4")).isEqualTo(new SignInResult.Refused());

        clock.advance(Duration.ofMinutes(1));
        assertThat(customers.authenticate(email, "en god lang adgangskode"))
                .isEqualTo(new SignInResult.Throttled(Duration.ofMinutes(14)));
        assertThat(customers.authenticate(email.toUpperCase(), "en god lang adgangskode"))
                .as("the same address in capitals").isInstanceOf(SignInResult.Throttled.class);
        String other = email();
        Customer unaffected = customers.signUp(signUp(other, "en god lang adgangskode"));
        assertThat(customers.authenticate(other, "en god lang adgangskode")).isEqualTo(new SignInResult.SignedIn(unaffected));

        clock.advance(Duration.ofMinutes(14));
        assertThat(customers.authenticate(email, "en god lang adgangskode")).isEqualTo(new SignInResult.SignedIn(customer));
        assertThat(customers.authenticate(email, "forkert igen")).as("the failures were forgotten").isEqualTo(new SignInResult.Refused());
        assertThat(customers.authenticate(email, "en god lang adgangskode")).isInstanceOf(SignInResult.SignedIn.class);
    }

    @DbTest
    void unknownAddressesAreThrottledTheSameWay(Database database) {
        String unknown = "ingen-" + email();
        for (int i = 0; i < 5; i++) {
            assertThat(customers.authenticate(unknown, "gæt " + i)).isEqualTo(new SignInResult.Refused());
        }
        assertThat(customers.authenticate(unknown, "gæt 5")).isInstanceOf(SignInResult.Throttled.class);
    }

    @DbTest
    void aHashMadeWithOlderParametersIsRenewedAtTheNextSignIn(Database database) {
        String email = email();
        Customer customer = customers.signUp(signUp(email, "en god lang adgangskode"));
        String old = customers.passwordHashOf(customer.id()).orElseThrow();
        Customers stronger = customers(new PasswordHasher.Parameters(2048, 2, 1));

        assertThat(stronger.authenticate(email, "forkert adgangskode")).isEqualTo(new SignInResult.Refused());
        assertThat(customers.passwordHashOf(customer.id())).as("not renewed by a failure").contains(old);
        assertThat(stronger.authenticate(email, "en god lang adgangskode")).isInstanceOf(SignInResult.SignedIn.class);

        String renewed = customers.passwordHashOf(customer.id()).orElseThrow();
        assertThat(renewed).startsWith("$argon2id$v=19$m=2048,t=2,p=1$").isNotEqualTo(old);
        assertThat(stronger.authenticate(email, "en god lang adgangskode")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(customers.passwordHashOf(customer.id())).as("current parameters: kept").contains(renewed);
    }

    @DbTest
    void anAccountWithAChosenIdAndRoleIsAResellersOrACustomersOnly(Database database) {
        String id = "reseller-" + SEQUENCE.incrementAndGet();
        Customer reseller = customers.create(id, new SignUp(email(), "en god lang adgangskode", "Rikke", "Rikkes Web ApS",
                "DK", "da", "DKK"), Access.RESELLER);

        assertThat(customers.roleOf(id)).contains(Access.RESELLER);
        assertThat(reseller.company()).isEqualTo("Rikkes Web ApS");
        assertThatThrownBy(() -> customers.create("x", signUp(email(), "en god lang adgangskode"), Access.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(SignUp signUp, Map<String, String> codes) {
        assertThatThrownBy(() -> customers.signUp(signUp))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    Map<String, String> found = new java.util.TreeMap<>();
                    e.errors().forEach((field, error) -> found.put(field, error.code()));
                    assertThat(found).isEqualTo(new java.util.TreeMap<>(codes));
                    assertThat(e.messages()).allSatisfy((field, message) -> assertThat(message).isNotBlank());
                });
    }
}
