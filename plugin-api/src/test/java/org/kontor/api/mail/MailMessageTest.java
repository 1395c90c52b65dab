package org.kontor.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void textFactory() {
        MailMessage message = MailMessage.text("jens@example.dk", "Invoice 42", "Hello");

        assertThat(message.to()).containsExactly("jens@example.dk");
        assertThat(message.subject()).isEqualTo("Invoice 42");
        assertThat(message.textBody()).isEqualTo("Hello");
        assertThat(message.htmlBody()).isNull();
        assertThat(message.replyTo()).isNull();
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void recipientRequired() {
        assertThatThrownBy(() -> new MailMessage(null, "s", "t", null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> new MailMessage(List.of(), "s", "t", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to:");
    }

    @Test
    void subjectRequired() {
        assertThatThrownBy(() -> MailMessage.text("a@example.dk", null, "t"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("subject");
    }

    @Test
    void oneBodyRequired() {
        assertThatThrownBy(() -> new MailMessage(List.of("a@example.dk"), "s", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
        assertThat(new MailMessage(List.of("a@example.dk"), "s", null, "<p>Hi</p>", null, null).htmlBody())
                .isEqualTo("<p>Hi</p>");
        assertThat(new MailMessage(List.of("a@example.dk"), "s", "Hi", "<p>Hi</p>", "r@example.dk", null).replyTo())
                .isEqualTo("r@example.dk");
    }

    @Test
    void listsAreCopied() {
        List<String> to = new ArrayList<>(List.of("a@example.dk"));
        List<MailAttachment> attachments = new ArrayList<>();
        attachments.add(new MailAttachment("invoice.pdf", "application/pdf", new byte[] {1}));
        MailMessage message = new MailMessage(to, "s", "t", null, null, attachments);
        to.add("b@example.dk");
        attachments.clear();

        assertThat(message.to()).containsExactly("a@example.dk");
        assertThat(message.attachments()).hasSize(1);
        assertThatThrownBy(() -> message.to().add("c@example.dk")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void attachmentContentIsCopied() {
        byte[] content = "PDF".getBytes(StandardCharsets.US_ASCII);
        MailAttachment attachment = new MailAttachment("invoice.pdf", "application/pdf", content);
        content[0] = 'X';
        attachment.content()[1] = 'X';

        assertThat(attachment.content()).isEqualTo("PDF".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new MailAttachment("a.pdf", "application/pdf", null))
                .isInstanceOf(NullPointerException.class);
    }
}
