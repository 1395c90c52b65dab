package org.kontor.plugins.riskbasic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kontor.api.PluginContext;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.pf4j.Extension;

/**
 * Velocity: records every subject it is asked about under its keys (IP address, e-mail, account, card fingerprint)
 * and counts the different orders and top-ups seen under each key within the window, this one included; more than
 * the key type's limit gives its points. A payment that arrived counts only under its card (its order was counted
 * when it was placed); the card counts orders, top-ups and payments. A private or loopback address is not counted:
 * behind a reverse proxy every customer would share it.
 */
@Extension
public class VelocityCheck implements RiskCheck {

    public static final String ID = "risk-basic.velocity";

    private static final Set<RiskSubject.Kind> PLACED = EnumSet.of(RiskSubject.Kind.ORDER, RiskSubject.Kind.TOP_UP);

    private final PluginContext context;
    private final ObservationStore store;

    public VelocityCheck(PluginContext context) {
        this.context = context;
        this.store = new ObservationStore(context.jdbi(), context.tablePrefix());
    }

    @Override
    public String checkId() {
        return ID;
    }

    @Override
    public RiskAssessment assess(RiskSubject subject) {
        RiskBasicConfig config = new RiskBasicConfig(context.settings());
        if (!config.velocityEnabled()) {
            return RiskAssessment.none();
        }
        List<VelocityKey> keys = keys(subject);
        if (keys.isEmpty()) {
            return RiskAssessment.none();
        }
        store.record(subject.kind(), subject.reference(), keys, subject.at());
        Duration window = config.window();
        Instant from = subject.at().minus(window);
        List<RiskReason> reasons = new ArrayList<>();
        for (VelocityKey key : keys) {
            RiskBasicConfig.Limit limit = config.limit(key.type());
            Set<RiskSubject.Kind> counted = key.type() == VelocityKey.Type.CARD ? EnumSet.allOf(RiskSubject.Kind.class)
                    : PLACED;
            Map<RiskSubject.Kind, Integer> seen = store.count(key, counted, from, subject.at());
            int total = seen.values().stream().mapToInt(Integer::intValue).sum();
            if (total > limit.limit() && limit.points() > 0) {
                reasons.add(new RiskReason(key.type().code, limit.points(), describe(seen) + " " + key.type().preposition
                        + " " + key.shown() + " in " + minutes(window) + " (limit " + limit.limit() + ")"));
            }
        }
        return RiskAssessment.of(reasons);
    }

    private static List<VelocityKey> keys(RiskSubject subject) {
        List<VelocityKey> keys = new ArrayList<>();
        if (subject.kind() != RiskSubject.Kind.PAYMENT) {
            Addresses.parse(subject.ipAddress()).filter(Addresses::isPublic)
                    .ifPresent(address -> keys.add(new VelocityKey(VelocityKey.Type.IP, address.getHostAddress())));
            if (subject.email() != null && !subject.email().isBlank()) {
                keys.add(new VelocityKey(VelocityKey.Type.EMAIL, subject.email().strip().toLowerCase(Locale.ROOT)));
            }
            keys.add(new VelocityKey(VelocityKey.Type.ACCOUNT, subject.customerId()));
        }
        if (subject.cardFingerprint() != null && !subject.cardFingerprint().isBlank()) {
            keys.add(new VelocityKey(VelocityKey.Type.CARD, subject.cardFingerprint().strip()));
        }
        return keys;
    }

    /** "5 orders", "3 orders and 2 top-ups", "6 payments". */
    private static String describe(Map<RiskSubject.Kind, Integer> seen) {
        List<String> parts = new ArrayList<>();
        for (RiskSubject.Kind kind : RiskSubject.Kind.values()) {
            int count = seen.getOrDefault(kind, 0);
            if (count > 0) {
                String noun = switch (kind) {
                    case ORDER -> "order";
                    case TOP_UP -> "top-up";
                    case PAYMENT -> "payment";
                };
                parts.add(count + " " + noun + (count == 1 ? "" : "s"));
            }
        }
        return String.join(" and ", parts);
    }

    private static String minutes(Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
