package org.kontor.host.filters;

import java.util.Objects;
import org.kontor.api.filter.Action;
import org.kontor.api.filter.Filter;
import org.kontor.api.filter.FilterDecision;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every running plugin's {@link Filter} for an action's type before the host acts, in plugin load
 * order; each filter sees the action as the previous one left it. The first veto stops the chain. A
 * filter that throws or answers nothing vetoes too: these checks guard money and risk, so they fail
 * closed.
 */
public final class Filters {

    private static final Logger log = LoggerFactory.getLogger(Filters.class);

    private final Extensions extensions;

    public Filters(Extensions extensions) {
        this.extensions = extensions;
    }

    /** The action to carry out (perhaps changed by filters), or the veto that stops it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A extends Action> FilterResult<A> apply(A action) {
        Objects.requireNonNull(action, "action");
        A current = action;
        for (Contribution<Filter> contribution : extensions.of(Filter.class)) {
            Filter filter = contribution.extension();
            if (!filter.actionType().isInstance(current)) {
                continue;
            }
            FilterDecision<A> decision;
            try {
                decision = (FilterDecision<A>) filter.before(current);
            } catch (RuntimeException e) {
                log.error("Filter {} of plugin '{}' failed on {}; the action is stopped",
                        filter.getClass().getName(), contribution.pluginId(), action.getClass().getSimpleName(), e);
                return FilterResult.vetoed(contribution.pluginId(), "filter.failed",
                        "A check could not be completed; please try again later.");
            }
            if (decision == null || (!decision.vetoed() && decision.action() == null)) {
                log.error("Filter {} of plugin '{}' answered no decision; the action is stopped",
                        filter.getClass().getName(), contribution.pluginId());
                return FilterResult.vetoed(contribution.pluginId(), "filter.failed",
                        "A check could not be completed; please try again later.");
            }
            if (decision.vetoed()) {
                return FilterResult.vetoed(contribution.pluginId(), decision.code(), decision.message());
            }
            if (!action.getClass().isInstance(decision.action())) {
                log.error("Filter {} of plugin '{}' replaced a {} with a {}; the action is stopped",
                        filter.getClass().getName(), contribution.pluginId(), action.getClass().getSimpleName(),
                        decision.action().getClass().getSimpleName());
                return FilterResult.vetoed(contribution.pluginId(), "filter.failed",
                        "A check could not be completed; please try again later.");
            }
            current = decision.action();
        }
        return FilterResult.proceed(current);
    }
}
