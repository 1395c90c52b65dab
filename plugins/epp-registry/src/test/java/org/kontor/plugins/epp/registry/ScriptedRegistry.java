package org.kontor.plugins.epp.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.session.EppEndpoint;
import org.kontor.plugins.epp.session.EppSessionPool;
import org.kontor.plugins.epp.session.EppTimeouts;
import org.kontor.plugins.epp.session.Fixtures;
import org.kontor.plugins.epp.session.ScriptedEppServer;

/**
 * A registry over real EPP sessions to a {@link ScriptedEppServer}: it greets with the given greeting, accepts
 * the login, answers every further frame with the responder, and validates every frame the client sends
 * against a schema set. For tests of registry profiles: the transport is the engine's own pool.
 */
public final class ScriptedRegistry implements AutoCloseable {

    private final ScriptedEppServer server;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EppSessionPool pool;
    private final List<ScriptedEppServer.Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> invalid = new CopyOnWriteArrayList<>();

    private ScriptedRegistry(String greeting, Schema schema, Function<ScriptedEppServer.Frame, String> responder,
            List<String> extensionUris) throws Exception {
        server = ScriptedEppServer.start(connection -> {
            connection.send(greeting);
            while (true) {
                ScriptedEppServer.Frame frame = connection.read();
                try {
                    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(
                            frame.xml().getBytes(StandardCharsets.UTF_8))));
                } catch (Exception e) {
                    invalid.add(frame.command() + ": " + e.getMessage() + "\n" + frame.xml());
                }
                switch (frame.command()) {
                    case "login" -> connection.respond(frame, 1000, "Command completed successfully");
                    case "hello" -> connection.send(greeting);
                    case "logout" -> {
                        connection.respond(frame, 1500, "Command completed successfully; ending session");
                        return;
                    }
                    default -> {
                        frames.add(frame);
                        connection.send(responder.apply(frame));
                    }
                }
            }
        });
        EppEndpoint endpoint = Fixtures.endpoint(server)
                .timeouts(new EppTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Map.of()))
                .extensionUris(extensionUris).build();
        pool = new EppSessionPool(endpoint, new EppCommandEncoder(), new EppResponseDecoder(Currency.getInstance("DKK")),
                scheduler, Clock.systemUTC());
    }

    /**
     * @param extensionUris the extensions the client logs in with (where the greeting offers them)
     */
    public static ScriptedRegistry start(String greeting, Schema schema, List<String> extensionUris,
            Function<ScriptedEppServer.Frame, String> responder) throws Exception {
        return new ScriptedRegistry(greeting, schema, responder, extensionUris);
    }

    public EppTransport transport() {
        return new PoolTransport(pool);
    }

    /** The frames after login, in order (hello, login and logout left out). */
    public List<ScriptedEppServer.Frame> frames() {
        return new ArrayList<>(frames);
    }

    /** Frames the schema set refused, with the reason; empty when every frame was valid. */
    public List<String> invalidFrames() {
        return List.copyOf(invalid);
    }

    @Override
    public void close() throws Exception {
        pool.close();
        scheduler.shutdownNow();
        server.close();
    }

    /** A greeting offering these object and extension URIs. */
    public static String greeting(List<String> objectUris, List<String> extensionUris) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><greeting><svID>Scripted</svID>"
                + "<svDate>2026-05-11T08:50:11.0Z</svDate><svcMenu><version>1.0</version><lang>en</lang>");
        objectUris.forEach(uri -> xml.append("<objURI>").append(uri).append("</objURI>"));
        if (!extensionUris.isEmpty()) {
            xml.append("<svcExtension>");
            extensionUris.forEach(uri -> xml.append("<extURI>").append(uri).append("</extURI>"));
            xml.append("</svcExtension>");
        }
        return xml.append("</svcMenu><dcp><access><all/></access><statement><purpose><admin/><prov/></purpose>"
                + "<recipient><ours/></recipient><retention><stated/></retention></statement></dcp></greeting></epp>")
                .toString();
    }

    /** A response with the frame's clTRID, optional resData and extension content. */
    public static String response(ScriptedEppServer.Frame to, int code, String message, String resData,
            String extension) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response>"
                + "<result code=\"" + code + "\"><msg>" + message + "</msg></result>"
                + (resData == null ? "" : "<resData>" + resData + "</resData>")
                + (extension == null ? "" : "<extension>" + extension + "</extension>")
                + "<trID><clTRID>" + to.clTRID() + "</clTRID><svTRID>SV-" + code + "</svTRID></trID></response></epp>";
    }
}
