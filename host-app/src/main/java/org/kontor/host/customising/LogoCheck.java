package org.kontor.host.customising;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decides whether an uploaded file may be the storefront logo: a PNG, JPEG or SVG image of at most
 * {@value #MAX_BYTES} bytes, recognised by its content, not its name. An SVG is refused when it could run or load
 * anything: script or foreignObject elements, event-handler attributes, a DOCTYPE (entities), or links to anything
 * but the image's own fragments.
 */
public final class LogoCheck {

    public static final int MAX_BYTES = 512 * 1024;
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed",
            "object", "handler", "listener", "animate", "set", "animatemotion", "animatetransform");

    /** Why a file was refused, for the message {@code admin.customising.logo.error.<code>}. */
    public enum Refusal { EMPTY, TOO_LARGE, TYPE, UNSAFE_SVG }

    /** The file's media type, or why it is refused. */
    public record Result(Optional<String> mediaType, Optional<Refusal> refusal) {
        static Result ok(String type) {
            return new Result(Optional.of(type), Optional.empty());
        }

        static Result refused(Refusal refusal) {
            return new Result(Optional.empty(), Optional.of(refusal));
        }
    }

    public Result check(byte[] content) {
        if (content == null || content.length == 0) {
            return Result.refused(Refusal.EMPTY);
        }
        if (content.length > MAX_BYTES) {
            return Result.refused(Refusal.TOO_LARGE);
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Result.ok("image/png");
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Result.ok("image/jpeg");
        }
        return svg(content);
    }

    private static Result svg(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.contains("<!doctype") || text.contains("<!entity")) {
            return Result.refused(Refusal.UNSAFE_SVG); // entities could read files or blow up; a logo needs none
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        boolean root = true;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                            || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                        return Result.refused(Refusal.UNSAFE_SVG);
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = reader.getLocalName().toLowerCase(Locale.ROOT);
                    if (root && !name.equals("svg")) {
                        return Result.refused(Refusal.TYPE);
                    }
                    root = false;
                    if (FORBIDDEN_ELEMENTS.contains(name)) {
                        return Result.refused(Refusal.UNSAFE_SVG);
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String attribute = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                        String value = reader.getAttributeValue(i).strip();
                        if (attribute.startsWith("on")) {
                            return Result.refused(Refusal.UNSAFE_SVG);
                        }
                        if (attribute.equals("href") && !value.startsWith("#")) {
                            return Result.refused(Refusal.UNSAFE_SVG);
                        }
                        if (attribute.equals("style") && value.toLowerCase(Locale.ROOT).contains("url(")) {
                            return Result.refused(Refusal.UNSAFE_SVG);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Result.refused(root ? Refusal.TYPE : Refusal.UNSAFE_SVG);
        }
        return root ? Result.refused(Refusal.TYPE) : Result.ok("image/svg+xml");
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
