package org.oostkit.wrt.query.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * What operators do with every processor's dead letters: list them (never their content), retry a letter's
 * sequence, evict one for good; a gauge per processor ({@value #QUEUED}) counts those waiting.
 */
@Component
public class DeadLetterAdmin {

    public static final String QUEUED = "wrt.dead.letters.queued";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<MeterRegistry> meters;

    DeadLetterAdmin(EventProcessingConfiguration processing, ObjectProvider<MeterRegistry> meters) {
        this.processing = processing;
        this.meters = meters;
    }

    /** A parked event, as operators see it. */
    public record Letter(String group, String sequence, String eventId, String eventType, String organisation,
                         Instant enqueuedAt, Instant lastTouched, String cause) {
    }

    /** How a retry went. */
    public enum Outcome { SUCCEEDED, FAILED_AGAIN }

    /** No processor of that name has a dead-letter queue. */
    public static final class UnknownGroup extends RuntimeException {
        public UnknownGroup(String group) {
            super("No processor with a dead-letter queue is called '" + group + "'.");
        }
    }

    /** No dead letter with that event id in the processor's queue. */
    public static final class UnknownLetter extends RuntimeException {
        public UnknownLetter(String group, String eventId) {
            super("No dead letter of event " + eventId + " in " + group + ".");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        for (String group : groups()) {
            Gauge.builder(QUEUED, () -> queued(group))
                    .description("Dead letters waiting to be retried or evicted")
                    .tag("group", group)
                    .register(registry);
        }
    }

    /** The processors that have a dead-letter queue, by name. */
    public List<String> groups() {
        TreeSet<String> names = new TreeSet<>();
        processing.eventProcessors().keySet().forEach(name -> {
            if (processing.deadLetterQueue(name).isPresent()) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    /** How many letters wait in the processor's queue (NaN when the database cannot say). */
    public double queued(String group) {
        try {
            return queue(group).size();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The letters of one processor (or all of them, for {@code null}), oldest sequence first, at most {@code limit}. */
    public List<Letter> list(String group, int limit) {
        List<Letter> letters = new ArrayList<>();
        for (String name : group == null ? groups() : List.of(group)) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(name).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() >= limit) {
                        return letters;
                    }
                    letters.add(view(name, letter));
                }
            }
        }
        return letters;
    }

    /** Retries the letter's whole sequence from its first letter, since what is behind a letter cannot go first. */
    public Outcome retry(String group, String eventId) {
        DeadLetter<? extends EventMessage<?>> letter = find(group, eventId);
        String sequence = sequenceOf(letter);
        boolean done = processor(group).process(first -> sequence.equals(sequenceOf(first)));
        log.info("Operator retried dead-letter sequence {} of {} (event {}): {}", sequence, group, eventId,
                done ? "processed" : "failed again");
        return done ? Outcome.SUCCEEDED : Outcome.FAILED_AGAIN;
    }

    /** Every processor's letters on a schedule, so that a transient failure (a restart, a lock timeout) heals. */
    @Scheduled(fixedDelayString = "${wrt.read-models.dead-letter-retry:PT5M}",
            initialDelayString = "${wrt.read-models.dead-letter-retry:PT5M}")
    void retryOnSchedule() {
        groups().forEach(this::retryAll);
    }

    /** Retries every sequence once, least recently tried first; answers how many were processed in full. */
    public int retryAll(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        long sequences = queue(group).amountOfSequences();
        int healed = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                healed++;
            }
        }
        if (healed > 0) {
            log.info("Retried {} dead-letter sequence(s) of {} successfully", healed, group);
        }
        return healed;
    }

    /** Removes the letter for good: the event is not applied by this processor (the event store keeps it). */
    public Letter evict(String group, String eventId) {
        DeadLetter<? extends EventMessage<?>> letter = find(group, eventId);
        queue(group).evict(letter);
        log.warn("Operator evicted the dead letter of event {} ({}, organisation {}) from {}: it will not be applied",
                eventId, letter.message().getPayloadType().getSimpleName(),
                DeadLetterQueues.tenantOf(letter.message()), group);
        return view(group, letter);
    }

    private DeadLetter<? extends EventMessage<?>> find(String group, String eventId) {
        return StreamSupport.stream(queue(group).deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .filter(letter -> letter.message().getIdentifier().equals(eventId)).findFirst()
                .orElseThrow(() -> new UnknownLetter(group, eventId));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue =
                group == null ? Optional.empty() : processing.deadLetterQueue(group);
        return queue.orElseThrow(() -> new UnknownGroup(group));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        queue(group);
        return processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> new UnknownGroup(group));
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : "?";
    }

    private static Letter view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        return new Letter(group, sequenceOf(letter), message.getIdentifier(), message.getPayloadType().getSimpleName(),
                DeadLetterQueues.tenantOf(message), letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.message()).orElse(null));
    }
}
