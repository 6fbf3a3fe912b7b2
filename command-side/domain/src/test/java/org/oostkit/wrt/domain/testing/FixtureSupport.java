package org.oostkit.wrt.domain.testing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.invitation.InvitationDirectory;
import org.oostkit.wrt.domain.organisation.OrganisationDirectory;
import org.oostkit.wrt.domain.round.RoundDirectory;
import org.oostkit.wrt.domain.security.KeyedHasher;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.security.SecretGenerator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shared stubs for the aggregate fixtures: in-memory directories, a secret generator with known output, the
 * real keyed hasher (with a test key) and a clock that follows the fixture's simulated time.
 */
public final class FixtureSupport {

    /** A fixed, simulated "now" the fixtures start at (the stub deadline manager would otherwise use the wall clock). */
    public static final Instant T0 = Instant.parse("2030-03-01T09:00:00Z");

    /** A 32-byte HMAC key, for tests only. */
    public static final byte[] HMAC_KEY = "wrt-test-hmac-key-0123456789abcd".getBytes(StandardCharsets.US_ASCII);

    /** The code every {@link FixedSecretGenerator} hands out. */
    public static final String CODE = "123456";

    private FixtureSupport() {
    }

    public static KeyedHasher hasher() {
        return new KeyedHasher(HMAC_KEY);
    }

    public static PersonIdentities identities() {
        return new PersonIdentities(hasher());
    }

    /** Matches a {@link RuleViolation} (or {@link org.oostkit.wrt.api.common.NotFound}) with the given rule code. */
    public static Matcher<Object> violation(Rule rule) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (item instanceof RuleViolation violation && rule == violation.violated()) {
                    return true;
                }
                mismatch.appendText("was ").appendValue(item instanceof RuleViolation v
                        ? "RuleViolation[" + v.violated() + "]: " + v.getMessage() : item);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation with rule ").appendValue(rule);
            }
        };
    }

    /**
     * Matches a {@link RuleViolation} with the given rule, message key and values, as a page words it in the
     * admin's language.
     */
    public static Matcher<Object> violation(Rule rule, String key, Object... arguments) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (item instanceof RuleViolation violation && rule == violation.violated()
                        && java.util.Objects.equals(key, violation.key())
                        && violation.arguments().equals(List.of(arguments))) {
                    return true;
                }
                mismatch.appendText("was ").appendValue(item instanceof RuleViolation v
                        ? "RuleViolation[" + v.violated() + ", " + v.key() + ", " + v.arguments() + "]: "
                        + v.getMessage() : item);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation with rule ").appendValue(rule).appendText(", key ")
                        .appendValue(key).appendText(" and values ").appendValue(List.of(arguments));
            }
        };
    }

    /**
     * Matches when the AssertJ (or any other) assertions in {@code requirements} pass on the value; the
     * failed assertion's message becomes the mismatch description.
     */
    @SuppressWarnings("unchecked")
    public static <T> Matcher<T> satisfying(Consumer<T> requirements) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                try {
                    requirements.accept((T) item);
                    return true;
                } catch (AssertionError | ClassCastException e) {
                    mismatch.appendText(e.getMessage());
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a value satisfying the given requirements");
            }
        };
    }

    /** Matches the list of published event messages when their payloads satisfy {@code requirements}. */
    public static Matcher<List<EventMessage<?>>> payloads(Consumer<List<Object>> requirements) {
        return satisfying(messages -> requirements.accept(
                messages.stream().map(m -> (Object) m.getPayload()).toList()));
    }

    /** The payloads of the given type, in order. */
    public static <E> List<E> ofType(List<Object> payloads, Class<E> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * A clock reading the fixture's simulated time ({@link AggregateTestFixture#currentTime()}, kept by its stub
     * deadline manager and moved by {@code givenCurrentTime}, {@code andGivenCurrentTime}, {@code whenTimeElapses}
     * and {@code whenTimeAdvancesTo}).
     * <p>
     * Why not {@code GenericEventMessage.clock}: axon-test 4.12.2 sets that to {@code Clock.fixed(currentTime())}
     * only while it runs {@code when(...)} and {@code givenCommands(...)}, and restores it afterwards. Events
     * given with {@code given(...)} are stamped with {@code currentTime()} directly, and deadline handlers run by
     * {@code whenTimeElapses}/{@code whenTimeAdvancesTo} run under the real clock (their events carry wall-clock
     * timestamps). Reading {@code currentTime()} agrees with the event timestamps in command handlers and with
     * the simulated time everywhere else.
     */
    public static Clock fixtureClock(AggregateTestFixture<?> fixture) {
        return new SupplierClock(fixture::currentTime, ZoneOffset.UTC);
    }

    /**
     * The fixture's own (stub) deadline manager, the one {@code expectScheduledDeadline...} and
     * {@code whenTimeElapses} work with. The fixture does not expose it, so a tiny annotated command handler
     * receives it as an injected resource. Call this after every {@code registerInjectableResource}: the
     * fixture accepts no resources once a command handler is registered.
     */
    public static DeadlineManager deadlineManagerOf(AggregateTestFixture<?> fixture) {
        DeadlineManagerGrabber grabber = new DeadlineManagerGrabber();
        fixture.registerAnnotatedCommandHandler(grabber);
        fixture.getCommandBus().dispatch(GenericCommandMessage.asCommandMessage(new GrabDeadlineManager()));
        if (grabber.deadlineManager == null) {
            throw new IllegalStateException("the fixture did not inject its deadline manager");
        }
        return grabber.deadlineManager;
    }

    /** The command that makes {@link DeadlineManagerGrabber} receive the deadline manager. */
    public record GrabDeadlineManager() {
    }

    /** Receives the fixture's deadline manager as a resource of a command handler. */
    public static final class DeadlineManagerGrabber {

        private DeadlineManager deadlineManager;

        @CommandHandler
        public void handle(GrabDeadlineManager command, DeadlineManager deadlineManager) {
            this.deadlineManager = deadlineManager;
        }
    }

    /** A {@link Clock} backed by a supplier of instants. */
    public static final class SupplierClock extends Clock {

        private final Supplier<Instant> now;
        private final ZoneId zone;

        public SupplierClock(Supplier<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new SupplierClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Organisations by id with their status, and the slugs taken. */
    public static final class InMemoryOrganisationDirectory implements OrganisationDirectory {

        private final Set<String> slugs = new HashSet<>();
        private final Map<OrganisationId, OrganisationStatus> statuses = new HashMap<>();

        public InMemoryOrganisationDirectory withTakenSlugs(String... taken) {
            slugs.addAll(Set.of(taken));
            return this;
        }

        public InMemoryOrganisationDirectory with(OrganisationId organisationId, OrganisationStatus status) {
            statuses.put(organisationId, status);
            return this;
        }

        @Override
        public boolean slugTaken(String slug) {
            return slugs.contains(slug);
        }

        @Override
        public Optional<OrganisationStatus> status(OrganisationId organisationId) {
            return Optional.ofNullable(statuses.get(organisationId));
        }
    }

    /** Rounds by id: their number and whether they are open. Unknown rounds are closed. Counts the locks taken. */
    public static final class InMemoryRoundDirectory implements RoundDirectory {

        private final Map<RoundId, Integer> numbers = new HashMap<>();
        private final Set<RoundId> open = new HashSet<>();
        private int locks;

        public InMemoryRoundDirectory open(RoundId roundId, int number) {
            numbers.put(roundId, number);
            open.add(roundId);
            return this;
        }

        public InMemoryRoundDirectory closed(RoundId roundId, int number) {
            numbers.put(roundId, number);
            open.remove(roundId);
            return this;
        }

        /** How often {@link #lockIfOpen} was asked. */
        public int locks() {
            return locks;
        }

        @Override
        public boolean isOpen(RoundId roundId) {
            return open.contains(roundId);
        }

        @Override
        public boolean lockIfOpen(RoundId roundId) {
            locks++;
            return open.contains(roundId);
        }

        @Override
        public int roundNumber(RoundId roundId) {
            Integer number = numbers.get(roundId);
            if (number == null) {
                throw new IllegalStateException("unknown round " + roundId);
            }
            return number;
        }
    }

    /** Invitations by id. */
    public static final class InMemoryInvitationDirectory implements InvitationDirectory {

        private final Map<InvitationId, Entry> entries = new HashMap<>();

        public InMemoryInvitationDirectory with(Entry entry) {
            entries.put(entry.invitationId(), entry);
            return this;
        }

        @Override
        public Optional<Entry> find(InvitationId invitationId) {
            return Optional.ofNullable(entries.get(invitationId));
        }

        /** Not consulted by the aggregates; no tokens are kept here. */
        @Override
        public Optional<Entry> findByTokenHash(String tokenHash) {
            return Optional.empty();
        }
    }

    /** Hands out {@link #CODE} as every verification code and a fixed token. */
    public static final class FixedSecretGenerator extends SecretGenerator {

        public static final String TOKEN = "fixed-test-token-aaaaaaaaaaaaaaaaaaaaaaaaaa";

        @Override
        public String token() {
            return TOKEN;
        }

        @Override
        public String sixDigitCode() {
            return CODE;
        }
    }
}
