package org.kontor.host.customers;

import java.util.List;

/**
 * A domain holder as a customer enters it; {@link Contacts#create} validates it. Phone numbers may be written
 * {@code +45.33646060} or {@code +45 33 64 60 60}.
 *
 * @param holderType INDIVIDUAL, COMPANY, PUBLIC_ORGANIZATION or ASSOCIATION (also PERSON and PUBLIC_BODY, the
 *                   catalog's names)
 * @param street     one to three lines
 * @param vatNumber  the VAT number; for a Danish company, association or public body the CVR number
 * @param ean        the 13-digit EAN (GLN) a Danish public body is invoiced to, or empty
 * @param pnumber    the 10-digit Danish production unit number, or empty
 * @param tlds       TLDs the holder is meant for (e.g. {@code dk}): their catalog rules are checked too
 */
public record ContactInput(String holderType, String name, String organization, List<String> street, String city,
                           String region, String postalCode, String country, String email, String phone,
                           String mobilePhone, String secondaryEmail, String vatNumber, String ean, String pnumber,
                           List<String> tlds) {

    public ContactInput {
        street = street == null ? List.of() : street.stream().map(line -> line == null ? "" : line).toList();
        tlds = tlds == null ? List.of() : List.copyOf(tlds);
    }
}
