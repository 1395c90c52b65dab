package org.kontor.plugins.epp.registry;

import java.util.Set;
import org.kontor.api.domain.Tld;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.session.EppEndpoint;

/**
 * What a {@link PooledEppRegistry} needs of a plugin's settings to open its session pool. Implementations are
 * value records: two snapshots are equal when nothing that matters changed, so the pool is rebuilt only then.
 */
public interface EppConnectionSettings {

    String registryId();

    Set<Tld> tlds();

    EppEndpoint endpoint();

    EppResponseDecoder decoder();
}
