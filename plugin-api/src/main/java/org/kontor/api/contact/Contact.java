package org.kontor.api.contact;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data of a domain holder or other contact, as a registry needs it. The phone number is in EPP's
 * form {@code +CC.NUMBER} (e.g. {@code +45.33646060}); the e-mail address must have a local part and a
 * domain. Organisation and VAT number are empty for individuals.
 *
 * @param mobilePhone    a mobile number besides the voice number, in the same form, or null
 * @param secondaryEmail a second e-mail address, or null
 * @param identifiers    registry identifiers of the holder beyond the VAT number, by key: {@link #EAN} (the
 *                       13-digit GLN/EAN of Danish public invoicing) and {@link #P_NUMBER} (the 10-digit
 *                       Danish production unit number); other keys are refused
 */
public record Contact(
        HolderType type,
        String name,
        String organization,
        PostalAddress address,
        String email,
        String phone,
        String vatNumber,
        String mobilePhone,
        String secondaryEmail,
        Map<String, String> identifiers) {

    /** Identifier key of the EAN (GLN) number public bodies invoice to. */
    public static final String EAN = "ean";
    /** Identifier key of the Danish production unit number (P-nummer). */
    public static final String P_NUMBER = "pnumber";
    private static final Map<String, Pattern> IDENTIFIER_FORMS = Map.of(
            EAN, Pattern.compile("[0-9]{13}"),
            P_NUMBER, Pattern.compile("[0-9]{10}"));

    private static final Pattern EPP_PHONE = Pattern.compile("\\+[0-9]{1,3}\\.[0-9]{4,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public Contact {
        if (type == null) {
            throw new IllegalArgumentException("type: is required");
        }
        name = PostalAddress.requireText(name, "name");
        organization = PostalAddress.blankToNull(organization);
        if (type != HolderType.INDIVIDUAL && organization == null) {
            throw new IllegalArgumentException("organization: is required for a " + type.name().toLowerCase().replace('_', ' '));
        }
        if (address == null) {
            throw new IllegalArgumentException("address: is required");
        }
        email = PostalAddress.requireText(email, "email");
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email: '" + email + "' is not an e-mail address");
        }
        phone = PostalAddress.requireText(phone, "phone").replace(" ", "");
        if (!EPP_PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone: '" + phone + "' must look like +45.12345678");
        }
        vatNumber = PostalAddress.blankToNull(vatNumber);
        mobilePhone = PostalAddress.blankToNull(mobilePhone);
        if (mobilePhone != null) {
            mobilePhone = mobilePhone.replace(" ", "");
            if (!EPP_PHONE.matcher(mobilePhone).matches()) {
                throw new IllegalArgumentException("mobilePhone: '" + mobilePhone + "' must look like +45.12345678");
            }
        }
        secondaryEmail = PostalAddress.blankToNull(secondaryEmail);
        if (secondaryEmail != null && !EMAIL.matcher(secondaryEmail).matches()) {
            throw new IllegalArgumentException("secondaryEmail: '" + secondaryEmail + "' is not an e-mail address");
        }
        Map<String, String> checked = new TreeMap<>();
        if (identifiers != null) {
            identifiers.forEach((key, value) -> {
                Pattern form = IDENTIFIER_FORMS.get(key);
                if (form == null) {
                    throw new IllegalArgumentException("identifiers: unknown identifier '" + key + "', known are "
                            + new TreeMap<>(IDENTIFIER_FORMS).keySet());
                }
                String v = PostalAddress.blankToNull(value);
                if (v == null) {
                    return;
                }
                v = v.replace(" ", "");
                if (!form.matcher(v).matches()) {
                    throw new IllegalArgumentException("identifiers." + key + ": '" + v + "' must match " + form);
                }
                checked.put(key, v);
            });
        }
        identifiers = Map.copyOf(checked);
    }

    /** A contact without mobile number, second e-mail address or further identifiers. */
    public Contact(HolderType type, String name, String organization, PostalAddress address, String email,
                   String phone, String vatNumber) {
        this(type, name, organization, address, email, phone, vatNumber, null, null, null);
    }

    /** The known identifier keys. */
    public static Set<String> identifierKeys() {
        return IDENTIFIER_FORMS.keySet();
    }

    public Contact withMobilePhone(String mobile) {
        return new Contact(type, name, organization, address, email, phone, vatNumber, mobile, secondaryEmail,
                identifiers);
    }

    public Contact withSecondaryEmail(String second) {
        return new Contact(type, name, organization, address, email, phone, vatNumber, mobilePhone, second,
                identifiers);
    }

    public Contact withIdentifier(String key, String value) {
        Map<String, String> copy = new TreeMap<>(identifiers);
        copy.put(key, value);
        return new Contact(type, name, organization, address, email, phone, vatNumber, mobilePhone, secondaryEmail,
                copy);
    }

    public Optional<String> identifier(String key) {
        return Optional.ofNullable(identifiers.get(key));
    }

    public static Contact individual(String name, PostalAddress address, String email, String phone) {
        return new Contact(HolderType.INDIVIDUAL, name, null, address, email, phone, null);
    }

    public static Contact company(String name, String organization, PostalAddress address, String email,
                                  String phone, String vatNumber) {
        return new Contact(HolderType.COMPANY, name, organization, address, email, phone, vatNumber);
    }

    public Optional<String> organizationIfPresent() {
        return Optional.ofNullable(organization);
    }

    public Optional<String> vatNumberIfPresent() {
        return Optional.ofNullable(vatNumber);
    }
}
