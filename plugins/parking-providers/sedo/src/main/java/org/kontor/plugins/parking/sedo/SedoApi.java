package org.kontor.plugins.parking.sedo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Sedo's HTTP API: each function ({@code DomainInsert}, {@code DomainDelete}, {@code DomainSearch}) is a GET of
 * {@code <base>/<Function>} with the partner's credentials ({@code partnerid}, {@code signkey}), for functions on the
 * account also its {@code username} and {@code password}, {@code output_method=xml}, and the function's parameters.
 * Sedo answers HTTP 200 with XML: a list of {@code item} elements in a root such as {@code SEDOLIST} or
 * {@code SEDOSEARCH}, or a {@code SEDOFAULT} with {@code faultcode} and {@code faultstring}.
 */
public final class SedoApi {

    /** One query parameter; a function's list parameters repeat the name with an index ({@code domains[0]}). */
    public record Param(String name, String value) {
    }

    private final HttpClient http;
    private final SedoConfig config;

    public SedoApi(HttpClient http, SedoConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Calls the function; never throws for what Sedo or the network does. Secrets are never logged or returned. */
    public SedoAnswer call(String function, boolean onAccount, List<Param> params) {
        List<Param> all = new ArrayList<>();
        all.add(new Param("partnerid", config.partnerId().orElse("")));
        all.add(new Param("signkey", config.signKey().orElse("")));
        if (onAccount) {
            all.add(new Param("username", config.username().orElse("")));
            all.add(new Param("password", config.password().orElse("")));
        }
        all.add(new Param("output_method", "xml"));
        all.addAll(params);
        StringBuilder query = new StringBuilder();
        for (Param param : all) {
            query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(param.name(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(param.value(), StandardCharsets.UTF_8));
        }
        URI uri = config.baseUrl().resolve(function + "?" + query);
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Accept", "text/xml")
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return SedoAnswer.unknown("Sedo did not answer within " + config.timeout().toSeconds() + " seconds");
        } catch (ConnectException e) {
            return SedoAnswer.notSent("no connection to " + config.baseUrl().getHost());
        } catch (IOException e) {
            return SedoAnswer.unknown("the connection to Sedo failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SedoAnswer.unknown("interrupted while waiting for Sedo");
        }
        if (response.statusCode() != 200) {
            return response.statusCode() >= 500 ? SedoAnswer.unknown("Sedo answered HTTP " + response.statusCode())
                    : SedoAnswer.fault("HTTP " + response.statusCode(), "Sedo refused the request");
        }
        return read(response.body());
    }

    static SedoAnswer read(byte[] body) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return SedoAnswer.unknown("Sedo's answer is not XML");
        }
        Element root = document.getDocumentElement();
        if ("SEDOFAULT".equals(root.getTagName())) {
            return SedoAnswer.fault(text(root, "faultcode"), text(root, "faultstring"));
        }
        List<Map<String, String>> items = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element item && "item".equals(item.getTagName())) {
                Map<String, String> values = new LinkedHashMap<>();
                NodeList fields = item.getChildNodes();
                for (int j = 0; j < fields.getLength(); j++) {
                    Node field = fields.item(j);
                    if (field instanceof Element element) {
                        values.put(element.getTagName(), element.getTextContent().strip());
                    }
                }
                items.add(values);
            }
        }
        return SedoAnswer.ok(items);
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
