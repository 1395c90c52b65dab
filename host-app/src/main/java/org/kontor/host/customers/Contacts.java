package org.kontor.host.customers;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.HolderType;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.domain.Tld;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.TldEntry;

/**
 * The domain holders (registrant contacts) of each customer (ORD-9, ORD-10, ORD-14). A customer sees and uses only
 * their own: {@link #find} answers empty for another customer's contact.
 *
 * <p>A holder can be checked against a TLD's catalog rules: {@link #missingFieldsFor} names the data the TLD requires
 * of the holder's type that is missing (a .dk company without CVR number), {@link #problemsFor} adds a residence the
 * TLD does not accept. {@link #create} checks the TLDs the input names.
 */
public final class Contacts {

    static final int MAX_TEXT = 255;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EPP_PHONE = Pattern.compile("\\+[0-9]{1,3}\\.[0-9]{4,14}");
    private static final Pattern SPACED_PHONE = Pattern.compile("\\+([0-9]{1,3})[\\s-]+([0-9][0-9\\s-]{3,20})");
    private static final Pattern VAT = Pattern.compile("[A-Z0-9]{4,15}");
    private static final Pattern CVR = Pattern.compile("(?:DK)?[0-9]{8}");
    private static final Pattern EAN = Pattern.compile("[0-9]{13}");
    private static final Pattern P_NUMBER = Pattern.compile("[0-9]{10}");
    private static final String COLUMNS = "id, customer_id, holder_type, name, organization, street, city, region, "
            + "postal_code, country, email, phone, mobile_phone, secondary_email, vat_number, ean, p_number, created_at";

    private final Jdbi jdbi;
    private final Clock clock;
    private final CatalogStore catalog;
    private final PostalAddressCheck addressCheck;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public Contacts(Jdbi jdbi, Clock clock, CatalogStore catalog) {
        this(jdbi, clock, catalog, PostalAddressCheck.NONE);
    }

    /** @param addressCheck the address verifiers: a refused address is a field error, a corrected one is saved so */
    public Contacts(Jdbi jdbi, Clock clock, CatalogStore catalog, PostalAddressCheck addressCheck) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.catalog = catalog;
        this.addressCheck = addressCheck;
    }

    /** The customer's holders, oldest first. */
    public List<HolderContact> list(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM customer_contact "
                        + "WHERE customer_id = :customer ORDER BY created_at, id")
                .bind("customer", customerId)
                .map((rs, ctx) -> contact(rs))
                .list());
    }

    /** The customer's holder with this id; empty when there is none or it is another customer's. */
    public Optional<HolderContact> find(String customerId, String contactId) {
        if (customerId == null || contactId == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM customer_contact "
                        + "WHERE id = :id AND customer_id = :customer")
                .bind("id", contactId)
                .bind("customer", customerId)
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    /**
     * Validates and saves a new holder of the customer.
     *
     * @throws InvalidInputException naming each refused field; with {@code tlds}, also the fields a TLD requires
     *                               ({@code tld-requires}, e.g. {@code vatNumber} for a .dk company) and a residence
     *                               it refuses ({@code country}: {@code residence-not-allowed}); an address an
     *                               address verifier refuses ({@code postalCode}: {@code postal-code-invalid}, other
     *                               address fields: {@code address-invalid})
     */
    public HolderContact create(String customerId, ContactInput input) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        Contact contact = validate(input, errors);
        if (contact != null) {
            contact = checkAddress(contact, errors);
        }
        List<TldEntry> entries = new ArrayList<>();
        for (String name : input.tlds()) {
            Optional<TldEntry> entry = entry(name);
            if (entry.isEmpty()) {
                errors.putIfAbsent("tlds", FieldError.of("tld-not-offered", name,
                        "." + name + " is not offered"));
            } else {
                entries.add(entry.get());
            }
        }
        if (contact != null) {
            HolderContact candidate = new HolderContact(null, customerId, contact, null);
            for (TldEntry entry : entries) {
                problemsFor(candidate, entry).forEach(errors::putIfAbsent);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        HolderContact saved = new HolderContact(ids.generate().toString(), customerId, contact, clock.instant());
        insert(saved);
        return saved;
    }

    /** The fields the TLD requires of a holder of this type that the holder lacks, in alphabetical order. */
    public List<String> missingFieldsFor(HolderContact contact, TldEntry entry) {
        Map<String, String> fields = contact.catalogFields();
        return new TreeSet<>(entry.requiredFields(contact.catalogHolderType())).stream()
                .filter(field -> !fields.containsKey(field))
                .toList();
    }

    /**
     * What keeps the holder from holding a name under the TLD: each missing field ({@code tld-requires}) and a
     * country outside the TLD's residence rule ({@code country}: {@code residence-not-allowed}); empty when nothing.
     * The rest of an order (period, phase, registry) is {@link CatalogRules#check}'s.
     */
    public Map<String, FieldError> problemsFor(HolderContact contact, TldEntry entry) {
        Map<String, FieldError> problems = new LinkedHashMap<>();
        String tld = "." + entry.tld().unicode();
        for (String field : missingFieldsFor(contact, entry)) {
            problems.put(field, FieldError.of("tld-requires", tld, "is required for a " + contact.type().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + " holding a " + tld + " name"));
        }
        String country = contact.contact().address().countryCode();
        if (!entry.residenceCountries().isEmpty() && !entry.residenceCountries().contains(country)) {
            problems.put("country", FieldError.of("residence-not-allowed", tld, tld + " takes holders living in "
                    + new TreeSet<>(entry.residenceCountries()) + " only"));
        }
        return problems;
    }

    /** The catalog's name of a holder type. */
    public static org.kontor.host.catalog.HolderType catalogHolderType(HolderType type) {
        return switch (type) {
            case INDIVIDUAL -> org.kontor.host.catalog.HolderType.PERSON;
            case COMPANY -> org.kontor.host.catalog.HolderType.COMPANY;
            case ASSOCIATION -> org.kontor.host.catalog.HolderType.ASSOCIATION;
            case PUBLIC_ORGANIZATION -> org.kontor.host.catalog.HolderType.PUBLIC_BODY;
        };
    }

    /** A holder type from its API name or the catalog's (PERSON, PUBLIC_BODY); empty for anything else. */
    public static Optional<HolderType> holderType(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (name) {
            case "INDIVIDUAL", "PERSON" -> Optional.of(HolderType.INDIVIDUAL);
            case "COMPANY" -> Optional.of(HolderType.COMPANY);
            case "ASSOCIATION" -> Optional.of(HolderType.ASSOCIATION);
            case "PUBLIC_ORGANIZATION", "PUBLIC_BODY" -> Optional.of(HolderType.PUBLIC_ORGANIZATION);
            default -> Optional.empty();
        };
    }

    // ---------------------------------------------------------------- validation

    /** The contact with the address as the verifiers write it, or null when one refused it (in {@code errors}). */
    private Contact checkAddress(Contact contact, Map<String, FieldError> errors) {
        PostalAddressCheck.Checked checked = addressCheck.check(contact.address());
        if (!checked.refused().isEmpty()) {
            checked.refused().forEach((field, reason) -> errors.putIfAbsent(field, field.equals("postalCode")
                    ? FieldError.of("postal-code-invalid", reason) : FieldError.of("address-invalid", reason)));
            return null;
        }
        if (checked.address().equals(contact.address())) {
            return contact;
        }
        return new Contact(contact.type(), contact.name(), contact.organization(), checked.address(), contact.email(),
                contact.phone(), contact.vatNumber(), contact.mobilePhone(), contact.secondaryEmail(),
                contact.identifiers());
    }

    private Optional<TldEntry> entry(String name) {
        try {
            return catalog.find(Tld.of(name.strip().replaceFirst("^\\.", ""))).filter(TldEntry::enabled);
        } catch (RuntimeException notATld) {
            return Optional.empty();
        }
    }

    /** The holder, or null when a field is refused (each refusal is in {@code errors}). */
    private static Contact validate(ContactInput input, Map<String, FieldError> errors) {
        Optional<HolderType> type = holderType(input.holderType());
        if (Customers.strip(input.holderType()) == null) {
            errors.put("holderType", FieldError.required());
        } else if (type.isEmpty()) {
            errors.put("holderType", FieldError.of("holder-type-unknown",
                    "is not one of INDIVIDUAL, COMPANY, PUBLIC_ORGANIZATION, ASSOCIATION"));
        }
        String name = text(input.name(), "name", true, errors);
        String organization = text(input.organization(), "organization", false, errors);
        if (organization == null && type.isPresent() && type.get() != HolderType.INDIVIDUAL && !errors.containsKey("organization")) {
            errors.put("organization", FieldError.of("organization-required", "is required for a "
                    + type.get().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        List<String> street = input.street().stream().flatMap(line -> Arrays.stream(line.split("\\R")))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (street.isEmpty()) {
            errors.put("street", FieldError.required());
        } else if (street.size() > 3) {
            errors.put("street", FieldError.of("street-lines", "3", "has at most 3 lines"));
        } else if (street.stream().anyMatch(line -> line.length() > MAX_TEXT)) {
            errors.put("street", FieldError.tooLong(MAX_TEXT));
        }
        String city = text(input.city(), "city", true, errors);
        String region = text(input.region(), "region", false, errors);
        String postalCode = text(input.postalCode(), "postalCode", false, errors);
        String country = Customers.strip(input.country()) == null ? null : input.country().strip().toUpperCase(Locale.ROOT);
        if (country == null) {
            errors.put("country", FieldError.required());
        } else if (!COUNTRIES.contains(country)) {
            errors.put("country", FieldError.of("country-unknown", "is not an ISO 3166 country code such as DK"));
        }
        String email = email(input.email(), "email", true, errors);
        String secondaryEmail = email(input.secondaryEmail(), "secondaryEmail", false, errors);
        String phone = phone(input.phone(), "phone", true, errors);
        String mobilePhone = phone(input.mobilePhone(), "mobilePhone", false, errors);
        String vatNumber = vatNumber(input.vatNumber(), country, type.orElse(null), errors);
        String ean = digits(input.ean(), "ean", EAN, "ean-invalid", "must be 13 digits with a valid check digit", errors);
        if (ean != null && !gs1CheckDigitValid(ean)) {
            errors.put("ean", FieldError.of("ean-invalid", "must be 13 digits with a valid check digit"));
        }
        String pnumber = digits(input.pnumber(), "pnumber", P_NUMBER, "pnumber-invalid", "must be 10 digits", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        Map<String, String> identifiers = new LinkedHashMap<>();
        if (ean != null) {
            identifiers.put(Contact.EAN, ean);
        }
        if (pnumber != null) {
            identifiers.put(Contact.P_NUMBER, pnumber);
        }
        try {
            return new Contact(type.get(), name, organization, new PostalAddress(street, city, region, postalCode, country),
                    email, phone, vatNumber, mobilePhone, secondaryEmail, identifiers);
        } catch (IllegalArgumentException refused) {
            // the plugin API's own rules, should they ever be stricter than the ones above
            String message = String.valueOf(refused.getMessage());
            int colon = message.indexOf(':');
            String field = colon > 0 ? message.substring(0, colon).replace("identifiers.", "") : "contact";
            errors.put(field, FieldError.of("invalid", colon > 0 ? message.substring(colon + 1).strip() : message));
            return null;
        }
    }

    private static String text(String value, String field, boolean required, Map<String, FieldError> errors) {
        String text = Customers.strip(value);
        if (text == null) {
            if (required) {
                errors.put(field, FieldError.required());
            }
            return null;
        }
        if (text.length() > MAX_TEXT) {
            errors.put(field, FieldError.tooLong(MAX_TEXT));
        }
        return text;
    }

    private static String email(String value, String field, boolean required, Map<String, FieldError> errors) {
        String email = text(value, field, required, errors);
        if (email != null && !errors.containsKey(field) && !EmailAddresses.isValid(email)) {
            errors.put(field, FieldError.of("email-invalid", "is not an e-mail address"));
        }
        return email;
    }

    /** {@code +CC.NUMBER}, or {@code +CC NUMBER} with spaces or hyphens made into it. */
    private static String phone(String value, String field, boolean required, Map<String, FieldError> errors) {
        String text = Customers.strip(value);
        if (text == null) {
            if (required) {
                errors.put(field, FieldError.required());
            }
            return null;
        }
        String compact = text.replaceAll("[\\s()-]", "");
        if (EPP_PHONE.matcher(compact).matches()) {
            return compact;
        }
        Matcher spaced = SPACED_PHONE.matcher(text);
        if (spaced.matches()) {
            String number = "+" + spaced.group(1) + "." + spaced.group(2).replaceAll("[\\s-]", "");
            if (EPP_PHONE.matcher(number).matches()) {
                return number;
            }
        }
        errors.put(field, FieldError.of("phone-invalid", "must be an international number such as +45.33646060 or +45 33 64 60 60"));
        return null;
    }

    /** A VAT number in capitals without spaces; a holder in Denmark other than a person gives its 8-digit CVR number. */
    private static String vatNumber(String value, String country, HolderType type, Map<String, FieldError> errors) {
        String text = Customers.strip(value);
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        if ("DK".equals(country) && type != null && type != HolderType.INDIVIDUAL) {
            if (!CVR.matcher(compact).matches()) {
                errors.put("vatNumber", FieldError.of("cvr-invalid", "must be the 8-digit CVR number, e.g. 12345678 or DK12345678"));
                return null;
            }
            return compact;
        }
        if (!VAT.matcher(compact).matches()) {
            errors.put("vatNumber", FieldError.of("vat-invalid", "is not a VAT number (4 to 15 letters and digits)"));
            return null;
        }
        return compact;
    }

    private static String digits(String value, String field, Pattern form, String code, String message,
                                 Map<String, FieldError> errors) {
        String text = Customers.strip(value);
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("\\s", "");
        if (!form.matcher(compact).matches()) {
            errors.put(field, FieldError.of(code, message));
            return null;
        }
        return compact;
    }

    /** GS1's check digit: the weighted sum 3,1,3,1,... from the right, check digit included, is a multiple of 10. */
    private static boolean gs1CheckDigitValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? digit * 3 : digit;
        }
        return sum % 10 == 0;
    }

    // ---------------------------------------------------------------- storage

    private void insert(HolderContact saved) {
        Contact c = saved.contact();
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO customer_contact (" + COLUMNS + ") VALUES (:id, :customer, "
                        + ":type, :name, :organization, :street, :city, :region, :postalCode, :country, :email, :phone, "
                        + ":mobile, :secondaryEmail, :vat, :ean, :pnumber, :at)")
                .bind("id", saved.id())
                .bind("customer", saved.customerId())
                .bind("type", c.type().name())
                .bind("name", c.name())
                .bind("organization", c.organization())
                .bind("street", String.join("\n", c.address().street()))
                .bind("city", c.address().city())
                .bind("region", c.address().region())
                .bind("postalCode", c.address().postalCode())
                .bind("country", c.address().countryCode())
                .bind("email", c.email())
                .bind("phone", c.phone())
                .bind("mobile", c.mobilePhone())
                .bind("secondaryEmail", c.secondaryEmail())
                .bind("vat", c.vatNumber())
                .bind("ean", c.identifier(Contact.EAN).orElse(null))
                .bind("pnumber", c.identifier(Contact.P_NUMBER).orElse(null))
                .bind("at", saved.createdAt().toEpochMilli())
                .execute());
    }

    private static HolderContact contact(ResultSet rs) throws SQLException {
        Map<String, String> identifiers = new LinkedHashMap<>();
        if (rs.getString("ean") != null) {
            identifiers.put(Contact.EAN, rs.getString("ean"));
        }
        if (rs.getString("p_number") != null) {
            identifiers.put(Contact.P_NUMBER, rs.getString("p_number"));
        }
        Contact contact = new Contact(HolderType.valueOf(rs.getString("holder_type")), rs.getString("name"),
                rs.getString("organization"),
                new PostalAddress(List.of(rs.getString("street").split("\n")), rs.getString("city"), rs.getString("region"),
                        rs.getString("postal_code"), rs.getString("country")),
                rs.getString("email"), rs.getString("phone"), rs.getString("vat_number"), rs.getString("mobile_phone"),
                rs.getString("secondary_email"), identifiers);
        return new HolderContact(rs.getString("id"), rs.getString("customer_id"), contact,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
