package org.kontor.host.addons;

/** An operation on the service is under way: a new one may be asked for once it has finished. */
public final class ServiceBusyException extends IllegalStateException {

    public ServiceBusyException(String serviceId) {
        super("an operation on the service " + serviceId + " is under way");
    }
}
