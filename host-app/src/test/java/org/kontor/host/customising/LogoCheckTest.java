package org.kontor.host.customising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kontor.host.customising.LogoCheck.Refusal;

/** Which uploads may be the logo: images recognised by their content; SVG only when it can run and load nothing. */
class LogoCheckTest {

    private final LogoCheck check = new LogoCheck();

    @Test
    void pngJpegAndAPlainSvgAreImages() {
        assertThat(check.check(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}).mediaType()).contains("image/png");
        assertThat(check.check(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}).mediaType()).contains("image/jpeg");
        assertThat(check.check(svg("<svg xmlns='http://www.w3.org/2000/svg'><defs><linearGradient id='g'/></defs>"
                + "<rect fill='url(#g)' width='2' height='2'/><use href='#g'/></svg>")).mediaType()).contains("image/svg+xml");
    }

    @Test
    void anSvgThatCouldRunOrLoadSomethingIsRefused() {
        for (String unsafe : new String[] {
                "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><p>x</p></foreignObject></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'>"
                        + "<a xlink:href='javascript:alert(1)'><rect width='1' height='1'/></a></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><image href='https://tracker.example/pixel.png'/></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><set attributeName='href' to='javascript:alert(1)'/></svg>",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>"}) {
            assertThat(check.check(svg(unsafe)).refusal()).as(unsafe).contains(Refusal.UNSAFE_SVG);
        }
    }

    @Test
    void otherFilesAreRefusedByTypeOrSize() {
        assertThat(check.check(new byte[0]).refusal()).contains(Refusal.EMPTY);
        assertThat(check.check(svg("GIF89a")).refusal()).contains(Refusal.TYPE);
        assertThat(check.check(svg("<html><body>x</body></html>")).refusal()).contains(Refusal.TYPE);
        assertThat(check.check(new byte[LogoCheck.MAX_BYTES + 1]).refusal()).contains(Refusal.TOO_LARGE);
    }

    private static byte[] svg(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
