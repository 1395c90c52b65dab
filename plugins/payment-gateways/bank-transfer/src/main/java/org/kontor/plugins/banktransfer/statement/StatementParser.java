package org.kontor.plugins.banktransfer.statement;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads statement files of either format, telling them apart by their content. */
public final class StatementParser {

    private final Camt053Parser camt = new Camt053Parser();
    private final Mt940Parser mt940 = new Mt940Parser();

    /**
     * @return the statements in the file (a camt.053 message or an MT940 file may hold several), balances checked
     * @throws StatementException when the file is neither format or does not add up
     */
    public List<Statement> parse(byte[] content) throws StatementException {
        String start = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        List<Statement> statements;
        if (start.startsWith("<")) {
            statements = camt.parse(content);
        } else if (start.startsWith("{1:") || start.startsWith(":20:") || start.contains("\n:20:")
                || start.startsWith(":") && start.contains(":20:")) {
            statements = mt940.parse(content);
        } else {
            throw new StatementException("the file is neither a camt.053 XML message nor an MT940 statement");
        }
        for (Statement statement : statements) {
            statement.checkBalances();
        }
        return statements;
    }
}
