package org.oostkit.wrt.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.oostkit.wrt.api.organisation.OrganisationEvent;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.projection.ReadTables;
import org.oostkit.wrt.query.sink.LiveTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The live processor's tables: an optimistic batch reads each tenant's rows once and writes them when it commits. */
@Component
public class BatchTables {

    private static final String PENDING = BatchTables.class.getName();

    private final JdbcTemplate jdbc;

    BatchTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables of one tenant: the batch's, or this event's own. */
    public ReadTables tables(String schema, OrganisationId organisation) {
        Pending pending = pending();
        if (pending == null) {
            return new LiveTables(jdbc, schema, CurrentUnitOfWork.isStarted()
                    ? List.of(CurrentUnitOfWork.get().getMessage().getPayload()) : List.of());
        }
        return pending.tables.computeIfAbsent(schema, s -> new LiveTables(jdbc, s, pending.payloadsOf(organisation)));
    }

    /** The event has been applied: handled event by event, its changes are written now. */
    public void written(ReadTables tables) {
        if (pending() == null) {
            ((LiveTables) tables).flush();
        }
    }

    /** Runs the action once the rows are written: now, or once per key at the end of the batch. */
    public void afterWrites(Object key, Runnable action) {
        Pending pending = pending();
        if (pending == null) {
            action.run();
        } else {
            pending.afterWrites.putIfAbsent(key, action);
        }
    }

    /** Runs the action once the batch has committed (so nobody sees rows that may roll back), or now outside one. */
    public void afterCommit(Runnable action) {
        Pending pending = pending();
        if (pending == null) {
            action.run();
        } else {
            pending.afterCommit.add(action);
        }
    }

    /** An optimistic batch begins: its changes are written when it prepares to commit. */
    void begin(UnitOfWork<?> root) {
        Pending pending = new Pending(root);
        root.resources().put(PENDING, pending);
        root.afterCommit(u -> pending.afterCommit.forEach(Runnable::run));
        root.onPrepareCommit(u -> {
            pending.tables.values().forEach(LiveTables::flush);
            List<Runnable> actions = new ArrayList<>(pending.afterWrites.values());
            pending.afterWrites.clear();
            actions.forEach(Runnable::run);
        });
    }

    private static Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (Pending) CurrentUnitOfWork.get().root().resources().get(PENDING);
    }

    private static final class Pending {

        final UnitOfWork<?> batch;
        final Map<String, LiveTables> tables = new HashMap<>();
        final Map<Object, Runnable> afterWrites = new LinkedHashMap<>();
        final List<Runnable> afterCommit = new ArrayList<>();

        Pending(UnitOfWork<?> batch) {
            this.batch = batch;
        }

        /** The payloads of the batch's events of one organisation: their rows are read together. */
        List<Object> payloadsOf(OrganisationId organisation) {
            if (!(batch instanceof BatchingUnitOfWork<?> messages)) {
                return List.of(batch.getMessage().getPayload());
            }
            List<Object> payloads = new ArrayList<>();
            for (EventMessage<?> message : messages.getMessages().stream().map(m -> (EventMessage<?>) m).toList()) {
                if (message.getPayload() instanceof OrganisationEvent e && organisation.equals(e.organisationId())) {
                    payloads.add(message.getPayload());
                }
            }
            return payloads;
        }
    }
}
