package org.oostkit.wrt.query.config;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The read models' writes, in one round trip per statement text and batch where that is safe.
 * <p>
 * Under load a projection is bound by database round trips, not by work: a statement per event and column
 * kept one thread from following the core's write load. So in an optimistic batch ({@link ReadModelBatches})
 * the statements handlers give here wait for the end of the batch and then go out together, one JDBC batch
 * per statement text, stage by stage ({@link Stage}), each text's statements in the order they were given.
 * Only the handlers marked {@link DefersWrites} let statements wait: before any other event, the waiting
 * statements are written first, so it sees the rows as if each had been written at once. At the end, actions
 * that read the rows (reading live views) run once each, after the writes, and what they push goes out once
 * the batch has committed. In a batch handled event by event, or outside a batch, everything runs at once.
 */
@Component
public class ReadModelWrites {

    /** The order in which waiting statements are written at the end of a batch. */
    public enum Stage {
        /** Rows inserted (or inserted or updated). */
        ROWS,
        /** Columns of existing rows. */
        CHANGES,
        /** Values derived from other rows (counts), after those rows are all written. */
        COUNTS
    }

    private static final String PENDING = ReadModelWrites.class.getName();

    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private volatile Set<Class<?>> deferring;

    ReadModelWrites(JdbcTemplate jdbc, ApplicationContext context) {
        this.jdbc = jdbc;
        this.context = context;
    }

    /** An update (or insert): now, or with the other statements of the same text at the end of the batch. */
    public void update(Stage stage, String sql, Object... args) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            pending.statements.get(stage).computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        }
    }

    /**
     * An update whose last parameter is an array of ids: now for these ids, or once at the end of the batch
     * for every id given with the same text and leading parameters.
     */
    public void updateEach(Stage stage, String sql, List<Object> leading, Collection<UUID> ids) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, arguments(leading, ids));
        } else {
            pending.collected.get(stage).computeIfAbsent(new Collected(sql, List.copyOf(leading)),
                    c -> new LinkedHashSet<>()).addAll(ids);
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

    /**
     * Runs the action once the batch has committed (pushing a view read by an {@link #afterWrites} action, so
     * that nobody sees rows that might still roll back): then, or, outside an optimistic batch, at once (Axon's
     * query update emitter itself waits for the commit of a unit of work that has not begun to commit).
     */
    public void afterCommit(Runnable action) {
        Pending pending = pending();
        if (pending == null) {
            action.run();
        } else {
            pending.afterCommit.add(action);
        }
    }

    /** An optimistic batch begins: statements may wait; they are written when it prepares to commit. */
    void begin(UnitOfWork<?> root) {
        Pending pending = new Pending();
        root.resources().put(PENDING, pending);
        root.afterCommit(u -> pending.afterCommit.forEach(Runnable::run));
        root.onPrepareCommit(u -> {
            pending.write(jdbc);
            while (!pending.afterWrites.isEmpty()) { // an action may ask for another
                List<Runnable> actions = new ArrayList<>(pending.afterWrites.values());
                pending.afterWrites.clear();
                actions.forEach(Runnable::run);
                pending.write(jdbc);
            }
        });
    }

    /** Before an event whose handlers need the rows as they are: writes what waits. */
    void before(EventMessage<?> event) {
        Pending pending = pending();
        if (pending != null && !deferring().contains(event.getPayloadType())) {
            pending.write(jdbc);
        }
    }

    /**
     * Event types all of whose read-model handlers are marked {@link DefersWrites}: a handler of a supertype,
     * or one a projection inherits, counts too.
     */
    Set<Class<?>> deferring() {
        Set<Class<?>> types = deferring;
        if (types == null) {
            Set<Class<?>> marked = new HashSet<>();
            Set<Class<?>> unmarked = new HashSet<>();
            for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
                Class<?> type = AopUtils.getTargetClass(bean);
                ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
                if (group == null || !group.value().equals(ReadModels.GROUP)) {
                    continue;
                }
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Method method : c.getDeclaredMethods()) {
                        if (AnnotationUtils.findAnnotation(method, EventHandler.class) != null
                                && method.getParameterCount() > 0) {
                            Class<?> event = method.getParameterTypes()[0];
                            (method.isAnnotationPresent(DefersWrites.class) ? marked : unmarked).add(event);
                        }
                    }
                }
            }
            marked.removeIf(event -> unmarked.stream().anyMatch(handled -> handled.isAssignableFrom(event)));
            types = Set.copyOf(marked);
            deferring = types;
        }
        return types;
    }

    private static Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (Pending) CurrentUnitOfWork.get().root().resources().get(PENDING);
    }

    private static Object[] arguments(List<Object> leading, Collection<UUID> ids) {
        Object[] args = leading.toArray(new Object[leading.size() + 1]);
        args[leading.size()] = ids.toArray(UUID[]::new);
        return args;
    }

    private record Collected(String sql, List<Object> leading) {
    }

    private static final class Pending {

        final Map<Stage, Map<String, List<Object[]>>> statements = new EnumMap<>(Stage.class);
        final Map<Stage, Map<Collected, Set<UUID>>> collected = new EnumMap<>(Stage.class);
        final Map<Object, Runnable> afterWrites = new LinkedHashMap<>();
        final List<Runnable> afterCommit = new ArrayList<>();

        Pending() {
            for (Stage stage : Stage.values()) {
                statements.put(stage, new LinkedHashMap<>());
                collected.put(stage, new LinkedHashMap<>());
            }
        }

        void write(JdbcTemplate jdbc) {
            for (Stage stage : Stage.values()) {
                Map<String, List<Object[]>> texts = statements.get(stage);
                for (Map.Entry<String, List<Object[]>> text : texts.entrySet()) {
                    if (text.getValue().size() == 1) {
                        jdbc.update(text.getKey(), text.getValue().get(0));
                    } else {
                        jdbc.batchUpdate(text.getKey(), text.getValue());
                    }
                }
                texts.clear();
                Map<Collected, Set<UUID>> sets = collected.get(stage);
                for (Map.Entry<Collected, Set<UUID>> set : sets.entrySet()) {
                    jdbc.update(set.getKey().sql(), arguments(set.getKey().leading(), set.getValue()));
                }
                sets.clear();
            }
        }
    }
}
