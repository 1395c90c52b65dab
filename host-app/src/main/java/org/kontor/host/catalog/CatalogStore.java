package org.kontor.host.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.host.domains.DomainPrices;

/**
 * The catalog's tables ({@code catalog_*}, V7) and its prices in {@code domain_price} through {@link DomainPrices},
 * the one price source. Everything written is validated first ({@link CatalogValidationException}).
 */
public final class CatalogStore {

    private final Jdbi jdbi;
    private final DomainPrices prices;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public CatalogStore(Jdbi jdbi, DomainPrices prices, Clock clock) {
        this.jdbi = jdbi;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * Tells {@code listener} after each change made on this host to an entry, a group or a price (also one set
     * through {@link DomainPrices} directly), e.g. to drop storefront pages that show them.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
        prices.onChange(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public DomainPrices prices() {
        return prices;
    }

    /** Adds or replaces a TLD's entry with its required fields and phases; its prices stay as they are. */
    public void put(TldEntry entry) {
        CatalogValidator.check(entry);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO catalog_tld (tld, enabled, registry_id, register_min_years, register_max_years, "
                            + "renew_min_years, renew_max_years, idn_allowed, idn_table, eligibility_note, residence_countries, "
                            + "updated_at) VALUES (:tld, :enabled, :registry, :regMin, :regMax, :renMin, :renMax, :idn, :idnTable, "
                            + ":note, :countries, :now) ON CONFLICT (tld) DO UPDATE SET enabled = excluded.enabled, "
                            + "registry_id = excluded.registry_id, register_min_years = excluded.register_min_years, "
                            + "register_max_years = excluded.register_max_years, renew_min_years = excluded.renew_min_years, "
                            + "renew_max_years = excluded.renew_max_years, idn_allowed = excluded.idn_allowed, "
                            + "idn_table = excluded.idn_table, eligibility_note = excluded.eligibility_note, "
                            + "residence_countries = excluded.residence_countries, updated_at = excluded.updated_at")
                    .bind("tld", entry.tld().ascii()).bind("enabled", entry.enabled() ? 1 : 0)
                    .bind("registry", entry.registryId())
                    .bind("regMin", entry.register().min()).bind("regMax", entry.register().max())
                    .bind("renMin", entry.renew().min()).bind("renMax", entry.renew().max())
                    .bind("idn", entry.idnAllowed() ? 1 : 0).bind("idnTable", entry.idnAllowed() ? entry.idnTable() : null)
                    .bind("note", entry.eligibilityNote())
                    .bind("countries", String.join(",", new TreeSet<>(entry.residenceCountries())))
                    .bind("now", clock.millis()).execute();
            h.createUpdate("DELETE FROM catalog_tld_field WHERE tld = :tld").bind("tld", entry.tld().ascii()).execute();
            h.createUpdate("DELETE FROM catalog_tld_phase WHERE tld = :tld").bind("tld", entry.tld().ascii()).execute();
            entry.requiredFields().forEach((type, fields) -> fields.forEach(field ->
                    h.createUpdate("INSERT INTO catalog_tld_field (tld, holder_type, field) VALUES (:tld, :type, :field)")
                            .bind("tld", entry.tld().ascii()).bind("type", type.name()).bind("field", field).execute()));
            for (LaunchPhase phase : entry.phases()) {
                h.createUpdate("INSERT INTO catalog_tld_phase (tld, phase, starts_at, ends_at) VALUES (:tld, :phase, :starts, :ends)")
                        .bind("tld", entry.tld().ascii()).bind("phase", phase.phase().name())
                        .bind("starts", phase.startsAt().toEpochMilli())
                        .bind("ends", phase.endsAt() == null ? null : phase.endsAt().toEpochMilli()).execute();
            }
        });
        changed();
    }

    /**
     * Checks an entry as {@link #put} does, without storing it.
     *
     * @throws CatalogValidationException naming every refused field
     */
    public void check(TldEntry entry) {
        CatalogValidator.check(entry);
    }

    public Optional<TldEntry> find(Tld tld) {
        return jdbi.withHandle(h -> entries(h, "WHERE tld = :tld", tld.ascii()).stream().findFirst());
    }

    /** Every entry, enabled or not, by TLD. */
    public List<TldEntry> all() {
        return jdbi.withHandle(h -> entries(h, "", null));
    }

    public boolean contains(Tld tld) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM catalog_tld WHERE tld = :tld")
                .bind("tld", tld.ascii()).mapTo(Integer.class).one()) > 0;
    }

    /** Enables or disables a TLD; whether it is in the catalog. */
    public boolean setEnabled(Tld tld, boolean enabled) {
        boolean found = jdbi.withHandle(h -> h.createUpdate("UPDATE catalog_tld SET enabled = :enabled, updated_at = :now WHERE tld = :tld")
                .bind("enabled", enabled ? 1 : 0).bind("now", clock.millis()).bind("tld", tld.ascii()).execute()) > 0;
        changed();
        return found;
    }

    /**
     * Removes a TLD from the catalog and from every group. Its prices in {@code domain_price} stay: domains already
     * registered under it are still renewed (and restored) at them.
     */
    public boolean delete(Tld tld) {
        boolean found = jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM catalog_tld_field WHERE tld = :tld").bind("tld", tld.ascii()).execute();
            h.createUpdate("DELETE FROM catalog_tld_phase WHERE tld = :tld").bind("tld", tld.ascii()).execute();
            h.createUpdate("DELETE FROM catalog_group_member WHERE tld = :tld").bind("tld", tld.ascii()).execute();
            return h.createUpdate("DELETE FROM catalog_tld WHERE tld = :tld").bind("tld", tld.ascii()).execute() > 0;
        });
        changed();
        return found;
    }

    /** Sets one price of a TLD in the catalog. */
    public void setPrice(Tld tld, CatalogOperation operation, Money price) {
        CatalogValidator.checkPrice(price);
        if (!contains(tld)) {
            throw CatalogValidationException.of("tld", "." + tld + " is not in the catalog.");
        }
        prices.set(tld, operation.chargeKind(), price);
    }

    /** A TLD's prices per operation, in every currency there is one. */
    public Map<CatalogOperation, List<Money>> pricesOf(Tld tld) {
        Map<CatalogOperation, List<Money>> byOperation = new EnumMap<>(CatalogOperation.class);
        for (DomainPrices.Price price : prices.all(tld)) {
            if (Arrays.stream(CatalogOperation.values()).anyMatch(o -> o.chargeKind() == price.kind())) {
                byOperation.computeIfAbsent(CatalogOperation.of(price.kind()), k -> new ArrayList<>()).add(price.price());
            }
        }
        return byOperation;
    }

    /** Adds or replaces a group; every member must be in the catalog. */
    public void putGroup(TldGroup group) {
        CatalogValidator.check(group, this::contains);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO catalog_group (id, position, updated_at) VALUES (:id, :position, :now) "
                            + "ON CONFLICT (id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at")
                    .bind("id", group.id()).bind("position", group.position()).bind("now", clock.millis()).execute();
            h.createUpdate("DELETE FROM catalog_group_name WHERE group_id = :id").bind("id", group.id()).execute();
            h.createUpdate("DELETE FROM catalog_group_member WHERE group_id = :id").bind("id", group.id()).execute();
            group.names().forEach((language, name) -> h.createUpdate("INSERT INTO catalog_group_name (group_id, lang, name) "
                    + "VALUES (:id, :lang, :name)").bind("id", group.id()).bind("lang", language).bind("name", name.strip()).execute());
            for (int i = 0; i < group.tlds().size(); i++) {
                h.createUpdate("INSERT INTO catalog_group_member (group_id, tld, position) VALUES (:id, :tld, :position)")
                        .bind("id", group.id()).bind("tld", group.tlds().get(i).ascii()).bind("position", i).execute();
            }
        });
        changed();
    }

    public boolean deleteGroup(String id) {
        boolean found = jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM catalog_group_name WHERE group_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM catalog_group_member WHERE group_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM catalog_group WHERE id = :id").bind("id", id).execute() > 0;
        });
        changed();
        return found;
    }

    /** The groups in their order. */
    public List<TldGroup> groups() {
        return jdbi.withHandle(h -> {
            Map<String, Map<String, String>> names = new LinkedHashMap<>();
            h.createQuery("SELECT group_id, lang, name FROM catalog_group_name").map((rs, ctx) -> {
                names.computeIfAbsent(rs.getString("group_id"), k -> new LinkedHashMap<>()).put(rs.getString("lang"), rs.getString("name"));
                return 0;
            }).list();
            Map<String, List<Tld>> members = new LinkedHashMap<>();
            h.createQuery("SELECT group_id, tld FROM catalog_group_member ORDER BY group_id, position").map((rs, ctx) -> {
                members.computeIfAbsent(rs.getString("group_id"), k -> new ArrayList<>()).add(Tld.of(rs.getString("tld")));
                return 0;
            }).list();
            return h.createQuery("SELECT id, position FROM catalog_group ORDER BY position, id")
                    .map((rs, ctx) -> new TldGroup(rs.getString("id"), names.getOrDefault(rs.getString("id"), Map.of()),
                            rs.getInt("position"), members.getOrDefault(rs.getString("id"), List.of())))
                    .list();
        });
    }

    public Optional<TldGroup> group(String id) {
        return groups().stream().filter(group -> group.id().equals(id)).findFirst();
    }

    private static List<TldEntry> entries(Handle h, String where, String tld) {
        Map<String, Map<HolderType, Set<String>>> fields = new LinkedHashMap<>();
        var fieldQuery = h.createQuery("SELECT tld, holder_type, field FROM catalog_tld_field " + where + " ORDER BY field");
        var phaseQuery = h.createQuery("SELECT tld, phase, starts_at, ends_at FROM catalog_tld_phase " + where + " ORDER BY starts_at");
        var entryQuery = h.createQuery("SELECT * FROM catalog_tld " + where + " ORDER BY tld");
        if (tld != null) {
            fieldQuery.bind("tld", tld);
            phaseQuery.bind("tld", tld);
            entryQuery.bind("tld", tld);
        }
        fieldQuery.map((rs, ctx) -> {
            fields.computeIfAbsent(rs.getString("tld"), k -> new EnumMap<>(HolderType.class))
                    .computeIfAbsent(HolderType.valueOf(rs.getString("holder_type")), k -> new LinkedHashSet<>())
                    .add(rs.getString("field"));
            return 0;
        }).list();
        Map<String, List<LaunchPhase>> phases = new LinkedHashMap<>();
        phaseQuery.map((rs, ctx) -> {
            long ends = rs.getLong("ends_at");
            boolean open = rs.wasNull();
            phases.computeIfAbsent(rs.getString("tld"), k -> new ArrayList<>()).add(new LaunchPhase(
                    Phase.valueOf(rs.getString("phase")), Instant.ofEpochMilli(rs.getLong("starts_at")),
                    open ? null : Instant.ofEpochMilli(ends)));
            return 0;
        }).list();
        return entryQuery.map((rs, ctx) -> {
            String name = rs.getString("tld");
            String countries = rs.getString("residence_countries");
            List<LaunchPhase> tldPhases = new ArrayList<>(phases.getOrDefault(name, List.of()));
            tldPhases.sort(Comparator.comparing(LaunchPhase::startsAt));
            return new TldEntry(Tld.of(name), rs.getInt("enabled") == 1, rs.getString("registry_id"),
                    new YearRange(rs.getInt("register_min_years"), rs.getInt("register_max_years")),
                    new YearRange(rs.getInt("renew_min_years"), rs.getInt("renew_max_years")),
                    rs.getInt("idn_allowed") == 1, rs.getString("idn_table"), fields.getOrDefault(name, Map.of()),
                    countries == null || countries.isEmpty() ? Set.of() : Set.of(countries.split(",")),
                    rs.getString("eligibility_note"), tldPhases);
        }).list();
    }
}
