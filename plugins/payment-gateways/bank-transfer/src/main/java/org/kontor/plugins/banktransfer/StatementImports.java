package org.kontor.plugins.banktransfer;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.plugins.banktransfer.matching.ImportReport;
import org.kontor.plugins.banktransfer.matching.StatementImporter;
import org.kontor.plugins.banktransfer.statement.Statement;
import org.kontor.plugins.banktransfer.statement.StatementException;
import org.kontor.plugins.banktransfer.statement.StatementParser;

/** Reads a statement file and books its credits: the upload route and the folder job both come here. */
public final class StatementImports {

    private final StatementParser parser = new StatementParser();
    private final StatementImporter importer;
    private final PluginContext context;

    public StatementImports(PluginContext context) {
        this.context = context;
        this.importer = new StatementImporter(context.jdbi(), context.clock());
    }

    /** @throws StatementException when the file cannot be read or does not add up; nothing is booked then */
    public ImportReport importFile(byte[] content, String source) throws StatementException {
        List<Statement> statements = parser.parse(content);
        ImportReport report = importer.importStatements(statements, source);
        context.logger().info("Statement {}: {} credit(s), {} matched, {} queued, {} imported before", source,
                report.credits(), report.matched(), report.queued(), report.duplicates());
        return report;
    }
}
