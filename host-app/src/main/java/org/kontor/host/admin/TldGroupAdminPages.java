package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.web.Access;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.CatalogValidationException;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.web.ProblemException;

/**
 * The TLD groups the storefront offers names in (ADM-4): a list with a form to add a group, and a page per group to
 * change its names in the five languages, its position and its member TLDs in their order, or to delete it. The
 * catalog's validation decides what is accepted.
 */
public final class TldGroupAdminPages {

    static final List<String> LANGUAGES = List.of("en", "da", "de", "cs", "sk");
    private static final Pattern MEMBER = Pattern.compile("tlds\\[(\\d+)]");

    private final CatalogStore catalog;
    private final AdminView view;

    public TldGroupAdminPages(CatalogStore catalog, AdminView view) {
        this.catalog = catalog;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/tld-groups", this::list, Access.ADMIN);
        routes.post("/admin/tld-groups", this::add, Access.ADMIN);
        routes.get("/admin/tld-groups/{id}", this::show, Access.ADMIN);
        routes.post("/admin/tld-groups/{id}", this::save, Access.ADMIN);
        routes.post("/admin/tld-groups/{id}/delete", this::delete, Access.ADMIN);
    }

    private void list(Context ctx) {
        renderList(ctx, "", Map.of());
    }

    private void renderList(Context ctx, String newId, Map<String, Map<String, String>> errors) {
        String language = view.language(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TldGroup group : catalog.groups()) {
            rows.add(Map.of("id", group.id(), "name", group.name(language), "position", group.position(),
                    "tlds", group.tlds().stream().map(Tld::unicode).toList()));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("groups", rows);
        page.put("newId", newId);
        page.put("errors", errors);
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done"));
        view.render(ctx, "tld-groups.ftlh", page);
    }

    /** Adds an empty group named by its id in English, to be named and filled on its page. */
    private void add(Context ctx) {
        String id = AdminForms.text(ctx, "newId");
        AdminForms.Errors errors = new AdminForms.Errors();
        if (id.isEmpty()) {
            errors.add("newId", "required");
        } else if (catalog.group(id).isPresent()) {
            errors.add("newId", "group-exists");
        } else {
            try {
                int position = catalog.groups().stream().mapToInt(TldGroup::position).max().orElse(0) + 1;
                catalog.putGroup(new TldGroup(id, Map.of("en", id), position, List.of()));
            } catch (CatalogValidationException e) {
                errors.add("newId", "registry-id");
            }
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            renderList(ctx, id, errors.asMap());
            return;
        }
        ctx.redirect("/admin/tld-groups/" + id + "?done=added", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        TldGroup group = group(ctx);
        Map<String, Object> form = new LinkedHashMap<>();
        LANGUAGES.forEach(language -> form.put("names." + language, group.names().getOrDefault(language, "")));
        form.put("position", Integer.toString(group.position()));
        form.put("tlds", String.join(", ", group.tlds().stream().map(Tld::ascii).toList()));
        render(ctx, group, form, Map.of());
    }

    private void render(Context ctx, TldGroup group, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", group.id());
        page.put("languages", LANGUAGES);
        page.put("form", form);
        page.put("errors", errors);
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done"));
        view.render(ctx, "tld-group.ftlh", page);
    }

    private void save(Context ctx) {
        TldGroup old = group(ctx);
        AdminForms.Errors errors = new AdminForms.Errors();
        Map<String, Object> form = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String name = AdminForms.text(ctx, "names." + language);
            form.put("names." + language, name);
            if (!name.isEmpty()) {
                names.put(language, name);
            }
        }
        form.put("position", AdminForms.text(ctx, "position"));
        Integer position = AdminForms.integer(ctx, "position", "whole-number", errors);
        String members = AdminForms.text(ctx, "tlds");
        form.put("tlds", members);
        List<Tld> tlds = new ArrayList<>();
        for (String text : AdminForms.list(members)) {
            try {
                tlds.add(Tld.of(text.startsWith(".") ? text.substring(1) : text));
            } catch (InvalidDomainNameException e) {
                errors.add("tlds", "tlds");
            }
        }
        TldGroup group = new TldGroup(old.id(), names, position == null ? old.position() : position, tlds);
        if (errors.isEmpty()) {
            try {
                catalog.putGroup(group);
            } catch (CatalogValidationException e) {
                e.fieldErrors().keySet().forEach(field -> {
                    Matcher member = MEMBER.matcher(field);
                    if (member.matches()) {
                        errors.add("tlds", "group-member", "." + tlds.get(Integer.parseInt(member.group(1))).unicode());
                    } else if (field.startsWith("names.")) {
                        errors.add(field, names.containsKey(field.substring(6)) ? "too-long" : "required", "60");
                    } else {
                        errors.add(field, "invalid");
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            render(ctx, old, form, errors.asMap());
            return;
        }
        ctx.redirect("/admin/tld-groups/" + old.id() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        TldGroup group = group(ctx);
        catalog.deleteGroup(group.id());
        ctx.redirect("/admin/tld-groups?done=deleted", HttpStatus.SEE_OTHER);
    }

    private TldGroup group(Context ctx) {
        Optional<TldGroup> group = catalog.group(ctx.pathParam("id"));
        return group.orElseThrow(() -> ProblemException.notFound("There is no TLD group '" + ctx.pathParam("id") + "'."));
    }
}
