package org.kontor.plugins.sepa.returns;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kontor.plugins.sepa.SepaException;

/**
 * Reads the rejected transactions of a pain.002 payment status report (any version): each {@code TxInfAndSts}
 * with {@code TxSts} RJCT gives its {@code OrgnlEndToEndId} and the {@code StsRsnInf/Rsn/Cd} reason code.
 */
public final class Pain002Returns {

    private Pain002Returns() {
    }

    public static List<ReturnNotice> read(byte[] document) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<ReturnNotice> notices = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            String endToEndId = null;
            String status = null;
            String reason = null;
            boolean inTransaction = false;
            boolean inReason = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "TxInfAndSts" -> {
                            inTransaction = true;
                            endToEndId = null;
                            status = null;
                            reason = null;
                        }
                        case "OrgnlEndToEndId" -> endToEndId = inTransaction ? xml.getElementText().strip() : endToEndId;
                        case "TxSts" -> status = inTransaction ? xml.getElementText().strip() : status;
                        case "Rsn" -> inReason = inTransaction;
                        case "Cd" -> {
                            if (inReason && reason == null) {
                                reason = xml.getElementText().strip();
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("Rsn")) {
                        inReason = false;
                    } else if (xml.getLocalName().equals("TxInfAndSts")) {
                        inTransaction = false;
                        if ("RJCT".equals(status) && endToEndId != null) {
                            notices.add(new ReturnNotice(endToEndId, reason));
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw SepaException.invalid(Map.of("body", "the body is not a readable pain.002 document"));
        }
        return notices;
    }
}
