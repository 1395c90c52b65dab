package org.kontor.host.customers;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.kontor.api.web.Access;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.PasswordHasher;

/**
 * Customer accounts (CC-1): sign-up with validation, sign-in by e-mail address and password, look-up.
 *
 * <p>Passwords are kept only as Argon2id hashes ({@link PasswordHasher}); a hash made with older parameters is
 * replaced at the next successful sign-in. A sign-in for an unknown address checks the password against a dummy hash,
 * so it takes as long as a wrong password and gets the same answer. Failures are throttled per address
 * ({@link LoginThrottle}).
 */
public final class Customers {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String COLUMNS = "id, email, name, company, country, language, currency, role, created_at";

    private final Jdbi jdbi;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SupportedLanguages languages;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();
    private volatile String dummyHash;

    public Customers(Jdbi jdbi, Clock clock, PasswordHasher hasher, LoginThrottle throttle, SupportedLanguages languages) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.hasher = hasher;
        this.throttle = throttle;
        this.languages = languages;
    }

    /**
     * Opens a customer account (role CUSTOMER).
     *
     * @throws InvalidInputException naming each refused field: {@code email} (required, email-invalid, email-taken,
     *                               too-long), {@code password} (required, password-too-short, password-too-long,
     *                               password-is-email), {@code name}, {@code company}, {@code country}
     *                               (country-unknown), {@code language} (language-unsupported), {@code currency}
     *                               (currency-unknown)
     */
    public Customer signUp(SignUp signUp) {
        return create(ids.generate().toString(), signUp, Access.CUSTOMER);
    }

    /** An account with a chosen id and role, for the operator and the demo data; validated as {@link #signUp}. */
    public Customer create(String id, SignUp signUp, Access role) {
        if (role != Access.CUSTOMER && role != Access.RESELLER) {
            throw new IllegalArgumentException("a customer account is a CUSTOMER's or a RESELLER's, not " + role);
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String email = strip(signUp.email());
        if (email == null) {
            errors.put("email", FieldError.required());
        } else if (email.length() > EmailAddresses.MAX_LENGTH) {
            errors.put("email", FieldError.tooLong(EmailAddresses.MAX_LENGTH));
        } else if (!EmailAddresses.isValid(email)) {
            errors.put("email", FieldError.of("email-invalid", "is not an e-mail address"));
        } else if (findAccount(EmailAddresses.key(email)).isPresent()) {
            errors.put("email", emailTaken());
        }
        String password = signUp.password() == null ? "" : signUp.password();
        passwordProblem(password, email).ifPresent(problem -> errors.put("password", problem));
        String name = text(signUp.name(), "name", true, errors);
        String company = text(signUp.company(), "company", false, errors);
        String country = strip(signUp.country()) == null ? null : signUp.country().strip().toUpperCase(Locale.ROOT);
        if (country == null) {
            errors.put("country", FieldError.required());
        } else if (!COUNTRIES.contains(country)) {
            errors.put("country", FieldError.of("country-unknown", "is not an ISO 3166 country code such as DK"));
        }
        String language = languages.find(signUp.language()).map(found -> found.code()).orElse(null);
        if (strip(signUp.language()) == null) {
            errors.put("language", FieldError.required());
        } else if (language == null) {
            errors.put("language", FieldError.of("language-unsupported", "is not one of "
                    + String.join(", ", languages.languages().stream().map(found -> found.code()).toList())));
        }
        String currency = currency(signUp.currency(), errors.containsKey("country") ? null : country, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        Customer customer = new Customer(id, email, name, company, country, language, currency, role, now);
        try {
            jdbi.useTransaction(h -> h.createUpdate("INSERT INTO customer (" + COLUMNS + ", email_key, password_hash) "
                            + "VALUES (:id, :email, :name, :company, :country, :language, :currency, :role, :at, :key, :hash)")
                    .bind("id", id)
                    .bind("email", email)
                    .bind("name", name)
                    .bind("company", company)
                    .bind("country", country)
                    .bind("language", language)
                    .bind("currency", currency)
                    .bind("role", role.name())
                    .bind("at", now.toEpochMilli())
                    .bind("key", EmailAddresses.key(email))
                    .bind("hash", hash)
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (findAccount(EmailAddresses.key(email)).isPresent()) {
                throw new InvalidInputException(Map.of("email", emailTaken()));
            }
            throw e;
        }
        return customer;
    }

    /**
     * Changes an account's master data as the operator does it: name, company, country and language, validated as at
     * {@link #signUp}; the e-mail address, currency and role stay.
     *
     * @throws InvalidInputException naming each refused field: {@code name}, {@code company}, {@code country},
     *                               {@code language}
     * @throws java.util.NoSuchElementException when there is no such account
     */
    public Customer updateMasterData(String id, String name, String company, String country, String language) {
        Customer old = find(id).orElseThrow(() -> new java.util.NoSuchElementException("no customer " + id));
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String newName = text(name, "name", true, errors);
        String newCompany = text(company, "company", false, errors);
        String newCountry = strip(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (newCountry == null) {
            errors.put("country", FieldError.required());
        } else if (!COUNTRIES.contains(newCountry)) {
            errors.put("country", FieldError.of("country-unknown", "is not an ISO 3166 country code such as DK"));
        }
        String newLanguage = languages.find(language).map(found -> found.code()).orElse(null);
        if (strip(language) == null) {
            errors.put("language", FieldError.required());
        } else if (newLanguage == null) {
            errors.put("language", FieldError.of("language-unsupported", "is not one of "
                    + String.join(", ", languages.languages().stream().map(found -> found.code()).toList())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE customer SET name = :name, company = :company, country = :country, "
                        + "language = :language WHERE id = :id")
                .bind("name", newName).bind("company", newCompany).bind("country", newCountry)
                .bind("language", newLanguage).bind("id", id).execute());
        return new Customer(old.id(), old.email(), newName, newCompany, newCountry, newLanguage, old.currency(), old.role(),
                old.createdAt());
    }

    /**
     * Why a password would be refused for the account with this address (the same rule at sign-up and at a reset):
     * required, password-too-short, password-too-long or password-is-email; empty when it is fine.
     */
    public static Optional<FieldError> passwordProblem(String password, String email) {
        String given = password == null ? "" : password;
        int length = given.codePointCount(0, given.length());
        if (given.isEmpty()) {
            return Optional.of(FieldError.required());
        } else if (length < MIN_PASSWORD_LENGTH) {
            return Optional.of(FieldError.of("password-too-short", Integer.toString(MIN_PASSWORD_LENGTH),
                    "must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (length > MAX_PASSWORD_LENGTH) {
            return Optional.of(FieldError.of("password-too-long", Integer.toString(MAX_PASSWORD_LENGTH),
                    "must have at most " + MAX_PASSWORD_LENGTH + " characters"));
        } else if (email != null && given.strip().equalsIgnoreCase(email.strip())) {
            return Optional.of(FieldError.of("password-is-email", "must not be the e-mail address"));
        }
        return Optional.empty();
    }

    /**
     * The account holder changes their password: the current one must be right (a wrong one counts towards the sign-in
     * throttle like a failed sign-in), the new one follows the sign-up rule and is given twice.
     *
     * @throws InvalidInputException naming {@code current} (current-password-wrong, signin-throttled), {@code password}
     *                               or {@code password2}
     */
    public void changePassword(String id, String current, String password, String repeated) {
        Customer customer = find(id).orElseThrow(() -> new java.util.NoSuchElementException("no customer " + id));
        SignInResult checked = authenticate(customer.email(), current);
        if (checked instanceof SignInResult.Throttled throttled) {
            throw new InvalidInputException(Map.of("current", FieldError.of("signin-throttled",
                    Long.toString(Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60)), "too many failed attempts")));
        }
        if (!(checked instanceof SignInResult.SignedIn)) {
            throw new InvalidInputException(Map.of("current", FieldError.of("current-password-wrong",
                    "is not the account's current password")));
        }
        Optional<FieldError> problem = passwordProblem(password, customer.email());
        if (problem.isPresent()) {
            throw new InvalidInputException(Map.of("password", problem.get()));
        }
        if (!password.equals(repeated)) {
            throw new InvalidInputException(Map.of("password2",
                    FieldError.of("password-mismatch", "does not match the new password")));
        }
        String hash = hashPassword(password);
        jdbi.useHandle(h -> storePasswordHash(h, id, hash));
    }

    /** A new hash of the password with the current parameters, to be stored by {@link #storePasswordHash}. */
    String hashPassword(String password) {
        return hasher.hash(password);
    }

    /** Replaces the account's password hash in the caller's transaction; true if the account exists. */
    static boolean storePasswordHash(org.jdbi.v3.core.Handle h, String id, String hash) {
        return h.createUpdate("UPDATE customer SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash).bind("id", id).execute() == 1;
    }

    /**
     * Checks an address and password. Throttled addresses are refused without checking the password; a successful
     * sign-in forgets earlier failures and renews a hash made with older parameters.
     */
    public SignInResult authenticate(String email, String password) {
        String key = EmailAddresses.key(email);
        Optional<java.time.Duration> locked = throttle.lockedFor(key);
        if (locked.isPresent()) {
            return new SignInResult.Throttled(locked.get());
        }
        String given = password == null ? "" : password;
        Optional<Account> account = key.isEmpty() || given.length() > 4 * MAX_PASSWORD_LENGTH
                ? Optional.empty() : findAccount(key);
        boolean matches = hasher.verify(given, account.map(Account::passwordHash).orElseGet(this::dummyHash));
        if (account.isEmpty() || !matches) {
            throttle.recordFailure(key);
            return new SignInResult.Refused();
        }
        throttle.clear(key);
        if (hasher.needsRehash(account.get().passwordHash())) {
            String renewed = hasher.hash(given);
            jdbi.useHandle(h -> h.createUpdate("UPDATE customer SET password_hash = :hash WHERE id = :id")
                    .bind("hash", renewed)
                    .bind("id", account.get().customer().id())
                    .execute());
        }
        return new SignInResult.SignedIn(account.get().customer());
    }

    public Optional<Customer> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM customer WHERE id = :id")
                .bind("id", id)
                .map(Customers::customer)
                .findOne());
    }

    public Optional<Customer> findByEmail(String email) {
        return findAccount(EmailAddresses.key(email)).map(Account::customer);
    }

    /** The role the account has now, for sessions. */
    public Optional<Access> roleOf(String id) {
        return find(id).map(Customer::role);
    }

    /** The stored password hash, for checks of how it was made. */
    Optional<String> passwordHashOf(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM customer WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    // ---------------------------------------------------------------- internals

    private record Account(Customer customer, String passwordHash) {
    }

    private Optional<Account> findAccount(String emailKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", password_hash FROM customer WHERE email_key = :key")
                .bind("key", emailKey)
                .map((rs, ctx) -> new Account(customer(rs, ctx), rs.getString("password_hash")))
                .findOne());
    }

    private static Customer customer(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Customer(rs.getString("id"), rs.getString("email"), rs.getString("name"), rs.getString("company"),
                rs.getString("country"), rs.getString("language"), rs.getString("currency"),
                Access.valueOf(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** A hash to check against when the address has no account, made once with the current parameters. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("no account has this password " + ids.generate());
            dummyHash = hash;
        }
        return hash;
    }

    private static FieldError emailTaken() {
        return FieldError.of("email-taken", "an account with this e-mail address exists already");
    }

    private static String currency(String given, String country, Map<String, FieldError> errors) {
        String code = strip(given);
        if (code == null) {
            if (country == null) {
                return null;
            }
            try {
                Currency local = Currency.getInstance(new Locale("", country));
                return local == null ? "EUR" : local.getCurrencyCode();
            } catch (IllegalArgumentException none) {
                return "EUR";
            }
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches() || !isCurrency(code)) {
            errors.put("currency", FieldError.of("currency-unknown", "is not an ISO 4217 currency code such as DKK"));
            return null;
        }
        return code;
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String text(String value, String field, boolean required, Map<String, FieldError> errors) {
        String text = strip(value);
        if (text == null) {
            if (required) {
                errors.put(field, FieldError.required());
            }
            return null;
        }
        if (text.length() > MAX_NAME_LENGTH) {
            errors.put(field, FieldError.tooLong(MAX_NAME_LENGTH));
        }
        return text;
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
