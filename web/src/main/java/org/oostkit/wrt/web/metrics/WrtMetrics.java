package org.oostkit.wrt.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The business counters of the web layer, under stable names (Prometheus adds {@code _total}):
 * {@code wrt.sign.in.links.issued}, {@code wrt.sign.ins} (tag {@code mode}), {@code wrt.verification.codes.issued},
 * {@code wrt.verification.codes.failed}, {@code wrt.nominations.submitted} and {@code wrt.rate.limited} (tag
 * {@code limit}). Features call these methods rather than naming meters themselves, so names stay consistent.
 */
@Component
public class WrtMetrics {

    private final MeterRegistry registry;

    @Autowired
    public WrtMetrics(ObjectProvider<MeterRegistry> registry) {
        // slices and command-line runs have no registry of their own; the global one accepts and forgets
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
    }

    public WrtMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A sign-in link was mailed (standalone mode). */
    public void signInLinkIssued() {
        counter("wrt.sign.in.links.issued", "Sign-in links mailed to admins and auditors").increment();
    }

    /** Someone signed in ({@code standalone} link or {@code portal} cookie). */
    public void signIn(String mode) {
        Counter.builder("wrt.sign.ins").description("Successful sign-ins of admins and auditors")
                .tag("mode", mode).register(registry).increment();
    }

    /** A nominator was mailed a verification code. */
    public void codeIssued() {
        counter("wrt.verification.codes.issued", "Verification codes mailed to nominators").increment();
    }

    /** A nominator entered a wrong, expired or locked code. */
    public void codeFailed() {
        counter("wrt.verification.codes.failed", "Failed verification code attempts").increment();
    }

    /** A nominator submitted (or revised) their nominations. */
    public void nominationSubmitted() {
        counter("wrt.nominations.submitted", "Nomination forms submitted").increment();
    }

    /** A request was refused with 429 by the named limit. */
    public void rateLimited(String limit) {
        Counter.builder("wrt.rate.limited").description("Requests refused by a rate limit")
                .tag("limit", limit).register(registry).increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
