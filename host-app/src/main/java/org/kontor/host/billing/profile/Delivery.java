package org.kontor.host.billing.profile;

/** How a customer receives documents: by e-mail always, by letter post too on request (BIL-5). */
public enum Delivery {
    EMAIL, EMAIL_AND_POST
}
