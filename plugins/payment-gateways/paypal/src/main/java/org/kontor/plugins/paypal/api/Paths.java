package org.kontor.plugins.paypal.api;

import java.util.regex.Pattern;

/** PayPal's resource paths, with the ids PayPal gave checked before they go into a URL. */
public final class Paths {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public static final String ORDERS = "/v2/checkout/orders";
    public static final String VERIFY_WEBHOOK = "/v1/notifications/verify-webhook-signature";

    private Paths() {
    }

    public static String order(String orderId) {
        return ORDERS + "/" + id(orderId);
    }

    public static String capture(String orderId) {
        return order(orderId) + "/capture";
    }

    public static String captureDetails(String captureId) {
        return "/v2/payments/captures/" + id(captureId);
    }

    public static String refundCapture(String captureId) {
        return captureDetails(captureId) + "/refund";
    }

    public static String refund(String refundId) {
        return "/v2/payments/refunds/" + id(refundId);
    }

    /** Whether the text is shaped like one of PayPal's ids. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    private static String id(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a PayPal id: '" + id + "'");
        }
        return id;
    }
}
