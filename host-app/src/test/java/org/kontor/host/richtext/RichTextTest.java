package org.kontor.host.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored rich text cannot carry script. */
class RichTextTest {

    private final RichText richText = RichText.standard();

    @Test
    void scriptElementsAreRemoved() {
        String cleaned = richText.clean("<p>Hello</p><script>alert(1)</script><SCRIPT src=//evil.example/x.js></SCRIPT>");

        assertThat(cleaned).isEqualTo("<p>Hello</p>");
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        String cleaned = richText.clean("<p onclick=\"alert(1)\">Hi <b onmouseover='steal()'>there</b></p>"
                + "<img src=x onerror=alert(1)><svg onload=alert(1)></svg>");

        assertThat(cleaned).isEqualTo("<p>Hi <b>there</b></p>").doesNotContainIgnoringCase("on");
    }

    @Test
    void javascriptAndDataUrlsAreRemovedButOrdinaryLinksStay() {
        String cleaned = richText.clean("<a href=\"javascript:alert(1)\">a</a> <a href=\" JaVaScRiPt:alert(1)\">b</a> "
                + "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">c</a> "
                + "<a href=\"https://example.dk/vilkaar\">terms</a>");

        assertThat(cleaned).doesNotContainIgnoringCase("javascript").doesNotContain("data:")
                .contains("<a href=\"https://example.dk/vilkaar\" rel=\"nofollow noopener noreferrer\">terms</a>");
    }

    @Test
    void framesStylesAndFormsAreRemovedFormattingStays() {
        String cleaned = richText.clean("<h2>Title</h2><iframe src=https://evil.example></iframe><style>body{}</style>"
                + "<form action=https://evil.example><input name=p></form><ul><li><em>one</em></li></ul>"
                + "<p style=\"background:url(javascript:alert(1))\">styled</p>");

        assertThat(cleaned).isEqualTo("<h2>Title</h2><ul><li><em>one</em></li></ul><p>styled</p>");
    }

    @Test
    void cleanTextIsRecognisedAsCleanAndDirtyTextIsNot() {
        assertThat(richText.isClean("<p>Fine <a href=\"https://example.dk\">link</a></p>")).isTrue();
        assertThat(richText.isClean("<p onclick=x>no</p>")).isFalse();
        assertThat(richText.clean(null)).isNull();
    }
}
