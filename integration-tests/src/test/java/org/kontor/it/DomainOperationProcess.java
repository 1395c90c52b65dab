package org.kontor.it;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.RegistryCommand;

/**
 * A host process for {@link KillDuringDomainOperationTest}: opens the shared database, starts a paid
 * registration through the real ledger and the shared table registry, and at the chosen point writes the
 * ready file and waits forever — for the test to kill it.
 *
 * <p>Arguments: JDBC URL, customer id, domain, operation key, amount (e.g. {@code 100.00 DKK}), stop
 * point, ready file.
 */
public final class DomainOperationProcess {

    private DomainOperationProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String customer = args[1];
        DomainName domain = DomainName.of(args[2]);
        IdempotencyKey key = IdempotencyKey.of(args[3]);
        String[] amount = args[4].split(" ");
        StopPoint stop = StopPoint.valueOf(args[5]);
        Path ready = Path.of(args[6]);

        Database database = new Database(new DatabaseConfig(url, null, null, 2));
        Clock clock = Clock.systemUTC();
        DomainRegistry registry = pausing(HostParts.tableRegistry(database, clock), stop, ready);
        HostParts host = HostParts.over(database, clock, Duration.ofMinutes(10), registry);
        host.operations().perform(new DomainOperationRequest(customer, "prepaid-account", Money.of(amount[0], amount[1]),
                RegistryCommand.of(RegisterDomain.of(key, domain, Period.years(1), new ContactHandle("H1"), List.of()))));
        throw new IllegalStateException("the operation finished although the process should have stopped at " + stop);
    }

    /** The registry, with a wait for the kill before or after its billable register command. */
    private static DomainRegistry pausing(DomainRegistry registry, StopPoint stop, Path ready) {
        return (DomainRegistry) Proxy.newProxyInstance(DomainOperationProcess.class.getClassLoader(),
                new Class<?>[] {DomainRegistry.class}, (proxy, method, arguments) -> {
                    boolean register = method.getName().equals("register");
                    if (register && stop == StopPoint.BEFORE_REGISTRY_CALL) {
                        waitForKill(ready, stop);
                    }
                    Object result;
                    try {
                        result = method.invoke(registry, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (register && stop == StopPoint.BEFORE_CAPTURE) {
                        waitForKill(ready, stop);
                    }
                    return result;
                });
    }

    private static void waitForKill(Path ready, StopPoint stop) throws Exception {
        Files.writeString(ready, stop.name());
        Thread.sleep(Long.MAX_VALUE);
    }
}
