package org.kontor.plugins.sepa;

import org.kontor.api.PluginContext;
import org.kontor.plugins.sepa.collection.Collections;
import org.kontor.plugins.sepa.file.CollectionFiles;
import org.kontor.plugins.sepa.mandate.Mandates;
import org.kontor.plugins.sepa.notice.PluginMessages;
import org.kontor.plugins.sepa.notice.PreNotifications;
import org.kontor.plugins.sepa.returns.Returns;

/** The plugin's services over one plugin context, wired the same way for every extension. */
public record Sepa(PluginContext context, Mandates mandates, Collections collections, PreNotifications notices,
                   CollectionFiles files, Returns returns) {

    public static Sepa of(PluginContext context) {
        Mandates mandates = new Mandates(context.jdbi(), context.clock());
        Collections collections = new Collections(context.jdbi(), context.clock(), mandates);
        PreNotifications notices = new PreNotifications(context.mailer(), new PluginMessages(Sepa.class.getClassLoader()),
                collections, context.clock(), context.logger());
        CollectionFiles files = new CollectionFiles(context.jdbi(), context.clock(), context.settings(), mandates,
                collections, notices, () -> context.dataDir().resolve("collections"));
        return new Sepa(context, mandates, collections, notices, files,
                new Returns(context.jdbi(), context.clock(), collections, context.events(), SepaGateway.GATEWAY_ID,
                        context.paymentNotifications(), context.logger()));
    }
}
