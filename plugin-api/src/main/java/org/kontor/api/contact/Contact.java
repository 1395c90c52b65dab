package org.kontor.api.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data of a domain holder or other contact, as a registry needs it. The phone number is in EPP's
 * form {@code +CC.NUMBER} (e.g. {@code +45.33646060}); the e-mail address must have a local part and a
 * domain. Organisation and VAT number are empty for individuals.
 */
public record Contact(
        HolderType type,
        String name,
        String organization,
        PostalAddress address,
        String email,
        String phone,
        String vatNumber) {

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
