package org.kontor.testkit.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kontor.api.billing.DeliveryReceipt;
import org.kontor.api.billing.DeliveryStatus;
import org.kontor.api.billing.InvoiceDelivery;
import org.kontor.api.billing.PostalLetter;
import org.kontor.api.billing.PostalRecipient;

/**
 * What the host relies on from every {@link InvoiceDelivery} (letter post) provider. A plugin's test extends this class
 * and says how to make its provider, pointed at a sandbox or test account:
 *
 * <pre>{@code
 * class MyLetterPostTest extends InvoiceDeliveryConformance {
 *     protected InvoiceDelivery provider() { return new MyLetterPost(context); }
 * }
 * }</pre>
 *
 * The host retries a letter with the same idempotency key after a failure or an unknown outcome, so answering a
 * repeated key with the first receipt, without posting again, is part of the contract; {@link #postedCount} lets a
 * test count what really went out.
 */
public abstract class InvoiceDeliveryConformance {

    /** A new provider, as the plugin's extension would be made. */
    protected abstract InvoiceDelivery provider();

    /**
     * How many letters the provider has posted (or written, for a sandbox) for a document number; -1 when the provider
     * cannot tell, which skips nothing but the count checks.
     */
    protected int postedCount(String documentNumber) {
        return -1;
    }

    /** A letter to a Danish address with diacritics, under a fresh key and document number. */
    protected PostalLetter letter(String key, String number) {
        PostalRecipient recipient = new PostalRecipient("Søren Ærø ApS", "Att. Jiří Dvořák",
                List.of("Æblevej 12, 2. th."), "8000", "Aarhus C", "DK");
        return new PostalLetter(key, number, recipient, SamplePdf.withText("Invoice " + number), "da");
    }

    private static String freshNumber() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void hasAStableId() {
        InvoiceDelivery provider = provider();

        assertThat(provider.providerId()).as("providerId").isNotBlank().matches("[a-z0-9][a-z0-9-]{0,62}");
        assertThat(provider().providerId()).as("the id does not change").isEqualTo(provider.providerId());
    }

    @Test
    void acceptsALetterWithAReference() {
        String number = freshNumber();

        DeliveryReceipt receipt = provider().send(letter("conformance:" + UUID.randomUUID(), number));

        assertThat(receipt).isNotNull();
        assertThat(receipt.status()).isIn(DeliveryStatus.ACCEPTED, DeliveryStatus.POSTED);
        assertThat(receipt.reference()).isNotBlank();
        if (postedCount(number) >= 0) {
            assertThat(postedCount(number)).as("letters for " + number).isEqualTo(1);
        }
    }

    @Test
    void theSameKeyAgainAnswersTheFirstReceiptAndPostsNothingMore() {
        String number = freshNumber();
        String key = "conformance:" + UUID.randomUUID();
        InvoiceDelivery provider = provider();

        DeliveryReceipt first = provider.send(letter(key, number));
        DeliveryReceipt again = provider.send(letter(key, number));
        DeliveryReceipt fromANewInstance = provider().send(letter(key, number));

        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(fromANewInstance.reference()).as("the key is kept beyond one instance").isEqualTo(first.reference());
        if (postedCount(number) >= 0) {
            assertThat(postedCount(number)).as("letters for " + number).isEqualTo(1);
        }
    }

    @Test
    void aNewKeyForTheSameDocumentIsANewLetter() {
        String number = freshNumber();
        InvoiceDelivery provider = provider();

        DeliveryReceipt first = provider.send(letter("conformance:" + UUID.randomUUID(), number));
        DeliveryReceipt second = provider.send(letter("conformance:" + UUID.randomUUID(), number));

        assertThat(second.reference()).isNotEqualTo(first.reference());
        if (postedCount(number) >= 0) {
            assertThat(postedCount(number)).as("letters for " + number).isEqualTo(2);
        }
    }
}
