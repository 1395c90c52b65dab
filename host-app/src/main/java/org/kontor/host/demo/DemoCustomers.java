package org.kontor.host.demo;

import java.util.List;
import org.kontor.api.web.Access;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.SignUp;

/**
 * The demo's customer accounts: a customer ({@value DemoData#CUSTOMER_EMAIL}, a private person in Denmark) and the
 * reseller {@value DemoData#RESELLER_ID} ({@value DemoData#RESELLER_EMAIL}, a Danish company with a CVR number), each
 * with one domain holder, passwords in {@link DemoData}. An account already there is left as it is.
 */
final class DemoCustomers {

    private final Customers customers;
    private final Contacts contacts;

    DemoCustomers(Customers customers, Contacts contacts) {
        this.customers = customers;
        this.contacts = contacts;
    }

    void load() {
        if (customers.find(DemoData.CUSTOMER_ID).isEmpty()) {
            customers.create(DemoData.CUSTOMER_ID, new SignUp(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD,
                    "Dorte Demo", null, "DK", "en", "DKK"), Access.CUSTOMER);
        }
        if (contacts.list(DemoData.CUSTOMER_ID).isEmpty()) {
            contacts.create(DemoData.CUSTOMER_ID, new ContactInput("INDIVIDUAL", "Dorte Demo", null,
                    List.of("Demovej 1"), "København K", null, "1050", "DK", DemoData.CUSTOMER_EMAIL, "+45.33646060",
                    null, null, null, null, null, List.of()));
        }
        if (customers.find(DemoData.RESELLER_ID).isEmpty()) {
            customers.create(DemoData.RESELLER_ID, new SignUp(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD,
                    "Rasmus Reseller", "Demo Hosting ApS", "DK", "da", "DKK"), Access.RESELLER);
        }
        if (contacts.list(DemoData.RESELLER_ID).isEmpty()) {
            contacts.create(DemoData.RESELLER_ID, new ContactInput("COMPANY", "Rasmus Reseller", "Demo Hosting ApS",
                    List.of("Forhandlervej 7"), "Aarhus C", null, "8000", "DK", DemoData.RESELLER_EMAIL, "+45.86123456",
                    null, null, "DK12345678", null, null, List.of()));
        }
    }
}
