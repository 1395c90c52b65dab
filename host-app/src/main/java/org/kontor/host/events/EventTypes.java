package org.kontor.host.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.api.event.DomainExpiring;
import org.kontor.api.event.DomainRegistered;
import org.kontor.api.event.DunningEscalated;
import org.kontor.api.event.Event;
import org.kontor.api.event.InvoiceIssued;
import org.kontor.api.event.OrderCheckedOut;
import org.kontor.api.event.OrderPlaced;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.api.event.PluginStateChanged;
import org.kontor.api.event.DomainOperationHeldForReview;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.event.PrepaidMonthClosed;
import org.kontor.api.event.PrepaidTopUpPaid;
import org.kontor.api.event.RegistryBalanceLow;

/**
 * The stored names of event types. An event is stored under {@link Event#type()}; a listener matches when
 * the name of its {@code eventType()} is the same. The API's events are known from the start; other
 * record types are named by their simple class name unless registered.
 */
public final class EventTypes {

    private static final List<Class<? extends Event>> API_EVENTS = List.of(DomainExpiring.class,
            DomainRegistered.class, InvoiceIssued.class, OrderPlaced.class, OrderCheckedOut.class, PaymentSucceeded.class,
            PluginStateChanged.class, PrepaidTopUpPaid.class, RegistryBalanceLow.class, DomainOperationHeldForReview.class, PrepaidCharged.class, PrepaidMonthClosed.class,
            DunningEscalated.class);

    private final Map<String, Class<? extends Event>> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> byClass = new ConcurrentHashMap<>();

    public EventTypes() {
        API_EVENTS.forEach(type -> register(type.getSimpleName(), type));
    }

    /** Registers a type under a name; the name must match what its {@code type()} returns. */
    public void register(String name, Class<? extends Event> type) {
        Class<? extends Event> previous = byName.putIfAbsent(name, type);
        if (previous != null && previous != type) {
            throw new IllegalArgumentException("event type name '" + name + "' is taken by " + previous.getName());
        }
        byClass.put(type, name);
    }

    /** The stored name of events of this class. */
    public String nameOf(Class<?> type) {
        return byClass.getOrDefault(type, type.getSimpleName());
    }

    /** The host-side class for a stored name, when known. */
    public Optional<Class<? extends Event>> classOf(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
