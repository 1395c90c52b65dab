package org.kontor.host.richtext;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans rich text the operator edits (product descriptions, notices, page texts) before it is stored, so that a
 * template may print it without escaping: only formatting elements remain, links keep http, https and mailto
 * addresses and get {@code rel="nofollow noopener noreferrer"}; scripts, styles, frames, forms, event-handler
 * attributes and {@code javascript:} or {@code data:} addresses are removed. Clean text on the way in and print it
 * with {@code ?no_esc}; text from anywhere else is escaped as usual.
 */
public final class RichText {

    private final Safelist safelist;
    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

    private RichText(Safelist safelist) {
        this.safelist = safelist;
    }

    /** Paragraphs, line breaks, emphasis, headings h2 to h4, lists, quotes, code, tables and links. */
    public static RichText standard() {
        return new RichText(Safelist.basic()
                .addTags("h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr")
                .removeProtocols("a", "href", "ftp")
                .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer"));
    }

    /** The HTML with everything outside the safelist removed; null stays null. */
    public String clean(String html) {
        if (html == null) {
            return null;
        }
        return Jsoup.clean(html, "", safelist, output);
    }

    /** Whether the HTML holds nothing the safelist would remove, e.g. to refuse instead of silently changing it. */
    public boolean isClean(String html) {
        return html == null || Jsoup.isValid(html, safelist);
    }
}
