package org.oostkit.wrt.domain.invitation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.DeliveryStatus;
import org.oostkit.wrt.api.invitation.InvitationCommands.IssueInvitationToken;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordDelivery;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailFailed;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.WithdrawVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationMailCommands.ResendInvitation;
import org.oostkit.wrt.api.invitation.InvitationRepeatRequested;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.invitation.VerificationCodeWithdrawn;
import org.oostkit.wrt.api.invitation.VerificationFailed;
import org.oostkit.wrt.api.invitation.VerificationOutcome;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.round.RoundDirectory;
import org.oostkit.wrt.domain.security.KeyedHasher;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.security.SecretGenerator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One person asked in one round. The link alone proves nothing (mails are forwarded, scanners open links):
 * the nominator must name the invited address and enter the code mailed to it. Codes expire, are single
 * use and lock after too many wrong attempts. The delivery status only moves forward; a bounce or spam
 * complaint is final; a provider event seen before changes nothing.
 */
@Aggregate(cache = "aggregateCache")
public class Invitation {

    static final String TOKEN_PURPOSE = KeyedHasher.INVITATION_TOKEN;
    private static final Duration CODE_WINDOW = Duration.ofHours(1);
    private static final int MAIL_FAILURE_REASON_MAX = 1_000;
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    @AggregateIdentifier
    private InvitationId id;
    private OrganisationId organisationId;
    private CampaignId campaignId;
    private RoundId roundId;
    private PersonId personId;
    private boolean linkOpened;
    private String codeHash;
    private Instant codeExpiresAt;
    private int attemptsLeft;
    /** Hashes of the codes we sent and did not withdraw, by expiry; the latest is {@code codeHash}. */
    private final Map<Instant, String> sentCodes = new HashMap<>();
    /** Hashes of the codes that verified the nominator. */
    private final Set<String> usedCodes = new HashSet<>();
    private final Deque<CodeRequest> codeRequests = new ArrayDeque<>();
    private DeliveryStatus deliveryStatus = DeliveryStatus.PENDING;
    private final Set<String> providerEvents = new HashSet<>();
    private final Set<MailPurpose> mailsSent = EnumSet.noneOf(MailPurpose.class);
    /** The invitation mail failed or may not have arrived, and nobody has sent it again since. */
    private boolean invitationMailInDoubt;
    /** Of the mails an admin can send again: the message ids recorded as sent, and every token issued. */
    private final Set<String> repeatedMails = new HashSet<>();
    private final Set<String> issuedTokens = new HashSet<>();

    Invitation() {
    }

    /** Called by the campaign when a round starts. */
    public Invitation(ContactInvited invited) {
        apply(invited);
    }

    /** The hash under which a raw token is recorded. */
    public static String tokenHash(KeyedHasher hasher, String token) {
        return hasher.hash(TOKEN_PURPOSE, token);
    }

    @CommandHandler
    void handle(IssueInvitationToken command) {
        requireTenant(command.organisationId());
        requireTokenHash(command.tokenHash());
        apply(new InvitationTokenIssued(organisationId, campaignId, id, command.tokenHash()));
    }

    private static void requireTokenHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new RuleViolation(Rule.TOKEN_HASH_INVALID, "A token hash is 64 lower-case hex digits.");
        }
    }

    @CommandHandler
    void handle(RecordLinkOpened command) {
        requireTenant(command.organisationId());
        if (!linkOpened) {
            apply(new InvitationLinkOpened(organisationId, campaignId, id));
        }
    }

    @CommandHandler
    IssuedCode handle(RequestVerificationCode command, PersonIdentities identities, RoundDirectory rounds,
                      SecretGenerator secrets, KeyedHasher hasher, VerificationPolicy policy, Clock clock) {
        requireTenant(command.organisationId());
        if (!rounds.isOpen(roundId)) {
            throw RuleViolation.variant(Rule.ROUND_CLOSED, "this", "This round is closed.");
        }
        if (command.email() == null || !identities.personId(campaignId, command.email()).equals(personId)) {
            throw new RuleViolation(Rule.EMAIL_MISMATCH, "That is not the address this invitation was sent to.");
        }
        Instant now = clock.instant();
        long recent = codeRequests.stream().filter(r -> r.issuedAt().isAfter(now.minus(CODE_WINDOW))).count();
        if (recent >= policy.maxCodesPerHour()) {
            throw new RuleViolation(Rule.TOO_MANY_CODES, "Too many codes were requested; try again in an hour.");
        }
        if (sentCodes.size() >= policy.maxCodes()) {
            throw new RuleViolation(Rule.CODE_LIMIT_REACHED,
                    "This invitation has had all the codes it can have; ask the organisers for help.");
        }
        String code = secrets.sixDigitCode();
        Instant expiresAt = now.plus(policy.codeValidity());
        apply(new VerificationCodeIssued(organisationId, campaignId, id, codeHash(hasher, code), expiresAt,
                policy.maxAttempts()));
        return new IssuedCode(code, expiresAt);
    }

    @CommandHandler
    void handle(WithdrawVerificationCode command) {
        requireTenant(command.organisationId());
        if (command.expiresAt() != null
                && codeRequests.stream().anyMatch(r -> r.expiresAt().equals(command.expiresAt()))) {
            apply(new VerificationCodeWithdrawn(organisationId, campaignId, id, command.expiresAt()));
        }
    }

    /**
     * Answers truthfully which code was entered: the latest one (verified, or locked, expired, used), one of
     * ours that a newer one replaced, or none of ours. Only a code that is none of ours costs an attempt: an
     * older code of ours is no guess, and knowing it opens nothing.
     */
    @CommandHandler
    VerificationOutcome handle(VerifyCode command, KeyedHasher hasher, VerificationPolicy policy, Clock clock) {
        requireTenant(command.organisationId());
        String entered = codeHash(hasher, command.code() == null ? "" : command.code().strip());
        if (codeHash == null) {
            return usedCodes.stream().anyMatch(used -> KeyedHasher.same(used, entered)) ? VerificationOutcome.USED
                    : isOlderCode(entered) ? VerificationOutcome.SUPERSEDED : VerificationOutcome.NO_CODE;
        }
        if (attemptsLeft <= 0) {
            return VerificationOutcome.LOCKED;
        }
        if (!clock.instant().isBefore(codeExpiresAt)) {
            return VerificationOutcome.EXPIRED;
        }
        if (KeyedHasher.same(codeHash, entered)) {
            apply(new NominatorVerified(organisationId, campaignId, id));
            return VerificationOutcome.VERIFIED;
        }
        if (isOlderCode(entered)) {
            return VerificationOutcome.SUPERSEDED;
        }
        apply(new VerificationFailed(organisationId, campaignId, id, attemptsLeft - 1));
        return attemptsLeft > 0 ? VerificationOutcome.WRONG_CODE : VerificationOutcome.LOCKED;
    }

    /** A code we sent before the latest one (a used one included). */
    private boolean isOlderCode(String entered) {
        return sentCodes.values().stream()
                .anyMatch(sent -> !sent.equals(codeHash) && KeyedHasher.same(sent, entered));
    }

    @CommandHandler
    void handle(RecordMailSent command) {
        requireTenant(command.organisationId());
        if (command.tokenHash() != null) {
            requireTokenHash(command.tokenHash());
        }
        if (command.purpose() != null && command.purpose().repeatable()) {
            recordRepeatedMail(command);
        } else if (!mailsSent.contains(command.purpose())) {
            if (command.tokenHash() != null) {
                apply(new InvitationTokenIssued(organisationId, campaignId, id, command.tokenHash()));
            }
            apply(new MailSent(organisationId, campaignId, id, command.purpose(), command.providerMessageId()));
        }
    }

    @CommandHandler
    void handle(RecordMailFailed command) {
        requireTenant(command.organisationId());
        if (!mailsSent.contains(command.purpose())) {
            apply(new MailFailed(organisationId, campaignId, id, command.purpose(), reason(command.reason()),
                    command.permanent()));
        }
    }

    /**
     * A mail whose sending instance stopped mid-hand-over. Its link must work (the mail may have arrived), so
     * its token is issued; a mail recorded as sent meanwhile (the record made it, the outbox's did not) is not
     * in doubt, and nothing changes.
     */
    @CommandHandler
    void handle(RecordMailUncertain command) {
        requireTenant(command.organisationId());
        if (command.tokenHash() != null) {
            requireTokenHash(command.tokenHash());
        }
        if (command.purpose() != null && command.purpose().repeatable()) {
            // known by its token: the outbox's housekeeping may record an outcome twice
            if (command.tokenHash() != null && !issuedTokens.contains(command.tokenHash())) {
                apply(new InvitationTokenIssued(organisationId, campaignId, id, command.tokenHash()));
                apply(new MailOutcomeUncertain(organisationId, campaignId, id, command.purpose()));
            }
        } else if (!mailsSent.contains(command.purpose())) {
            if (command.tokenHash() != null) {
                apply(new InvitationTokenIssued(organisationId, campaignId, id, command.tokenHash()));
            }
            apply(new MailOutcomeUncertain(organisationId, campaignId, id, command.purpose()));
        }
    }

    /**
     * An admin's decision to send the invitation again. The mail goes out through the outbox with a fresh
     * link, as the first one did; once it is on its way, asking again is refused until its outcome is known.
     */
    @CommandHandler
    void handle(SendInvitationAgain command, RoundDirectory rounds) {
        requireTenant(command.organisationId());
        if (!rounds.isOpen(roundId)) {
            throw RuleViolation.variant(Rule.ROUND_CLOSED, "this", "This round is closed.");
        }
        if (!invitationMailInDoubt) {
            throw mailsSent.contains(MailPurpose.INVITATION)
                    ? RuleViolation.variant(Rule.MAIL_NOT_IN_DOUBT, "sent", "This invitation was sent; it is not sent again.")
                    : new RuleViolation(Rule.MAIL_NOT_IN_DOUBT, "This invitation has not failed: it is still on its way.");
        }
        apply(new InvitationResendRequested(organisationId, campaignId, roundId, id));
    }

    /**
     * The reason as recorded: it comes from a mail server, so what no text in WRT may hold is shown as its code
     * point (the failure is still recorded, and a NUL cannot stop the read models), and it is kept short.
     */
    private static String reason(String reason) {
        if (reason == null) {
            return null;
        }
        String shown = TextRule.visible(reason);
        return shown.length() > MAIL_FAILURE_REASON_MAX ? shown.substring(0, MAIL_FAILURE_REASON_MAX) + "…" : shown;
    }

    /** Answers whether the report changed anything (false for a duplicate). */
    @CommandHandler
    boolean handle(RecordDelivery command) {
        requireTenant(command.organisationId());
        if (command.kind() == null || command.providerEventKey() == null || command.providerEventKey().isBlank()) {
            throw new RuleViolation(Rule.DELIVERY_INVALID, "A delivery report needs a kind and a provider event key.");
        }
        String key = command.provider() + ":" + command.providerEventKey();
        if (providerEvents.contains(key)) {
            return false;
        }
        apply(new DeliveryRecorded(organisationId, campaignId, id, command.kind(), statusAfter(command.kind()),
                command.provider(), command.providerEventKey(), command.occurredAt()));
        return true;
    }

    private DeliveryStatus statusAfter(DeliveryKind kind) {
        if (deliveryStatus.terminal()) {
            return deliveryStatus;
        }
        DeliveryStatus reported = DeliveryStatus.of(kind);
        if (kind.terminal()) {
            return reported;
        }
        int current = switch (deliveryStatus) {
            case SOFT_BOUNCED -> DeliveryKind.SOFT_BOUNCED.rank();
            case DELIVERED -> DeliveryKind.DELIVERED.rank();
            case OPENED -> DeliveryKind.OPENED.rank();
            case CLICKED -> DeliveryKind.CLICKED.rank();
            default -> 0;
        };
        return kind.rank() > current ? reported : deliveryStatus;
    }

    private String codeHash(KeyedHasher hasher, String code) {
        return hasher.hash("verification-code:" + id, code);
    }

    private void requireTenant(OrganisationId tenant) {
        // no organisation: the id names some other aggregate's stream, which is no invitation either
        if (organisationId == null || !organisationId.equals(tenant)) {
            throw new NotFound("Invitation");
        }
    }

    @EventSourcingHandler
    void on(ContactInvited event) {
        id = event.invitationId();
        organisationId = event.organisationId();
        campaignId = event.campaignId();
        roundId = event.roundId();
        personId = event.personId();
    }

    @EventSourcingHandler
    void on(InvitationLinkOpened event) {
        linkOpened = true;
    }

    @EventSourcingHandler
    void on(VerificationCodeIssued event, @Timestamp Instant issuedAt) {
        codeHash = event.codeHash();
        codeExpiresAt = event.expiresAt();
        attemptsLeft = event.attemptsAllowed();
        sentCodes.put(event.expiresAt(), event.codeHash());
        codeRequests.addLast(new CodeRequest(issuedAt, event.expiresAt()));
        while (codeRequests.peekFirst().issuedAt().isBefore(issuedAt.minus(CODE_WINDOW))) {
            codeRequests.removeFirst();
        }
    }

    @EventSourcingHandler
    void on(VerificationCodeWithdrawn event) {
        codeRequests.removeIf(r -> r.expiresAt().equals(event.expiresAt()));
        sentCodes.remove(event.expiresAt());
        if (event.expiresAt().equals(codeExpiresAt)) {
            codeHash = null; // it never arrived: nobody can know it, and nobody should try it
            codeExpiresAt = null;
        }
    }

    /** A code issued within the hourly window, known by its expiry (unique per invitation). */
    private record CodeRequest(Instant issuedAt, Instant expiresAt) {
    }

    @EventSourcingHandler
    void on(VerificationFailed event) {
        attemptsLeft = event.attemptsLeft();
    }

    @EventSourcingHandler
    void on(NominatorVerified event) {
        usedCodes.add(codeHash);
        codeHash = null; // single use
        codeExpiresAt = null;
    }

    @EventSourcingHandler
    void on(MailSent event) {
        mailsSent.add(event.purpose());
        if (event.purpose().repeatable() && event.providerMessageId() != null) {
            repeatedMails.add(event.providerMessageId());
        }
        if (event.purpose() == MailPurpose.INVITATION) {
            invitationMailInDoubt = false;
        }
        if (deliveryStatus == DeliveryStatus.PENDING || deliveryStatus == DeliveryStatus.FAILED) {
            deliveryStatus = DeliveryStatus.SENT;
        }
    }

    @EventSourcingHandler
    void on(MailOutcomeUncertain event) {
        if (event.purpose() == MailPurpose.INVITATION) {
            invitationMailInDoubt = true;
        }
    }

    @EventSourcingHandler
    void on(InvitationResendRequested event) {
        invitationMailInDoubt = false;
    }

    @EventSourcingHandler
    void on(MailFailed event) {
        if (event.purpose() == MailPurpose.INVITATION && !mailsSent.contains(MailPurpose.INVITATION)) {
            invitationMailInDoubt = true;
        }
        if (deliveryStatus == DeliveryStatus.PENDING) {
            deliveryStatus = DeliveryStatus.FAILED;
        }
    }

    // ---- mails an admin sends again (issue #17) ----

    /**
     * "Send again" with a new link while the round is open: a first mail in doubt goes the existing way (its own
     * row back to the queue); a delivered one is repeated as a {@link MailPurpose#RESEND} mail. Earlier links
     * keep working: every issued token stays valid while the round is open.
     */
    @CommandHandler
    void handle(ResendInvitation command, RoundDirectory rounds) {
        requireTenant(command.organisationId());
        if (!rounds.isOpen(roundId)) {
            throw RuleViolation.variant(Rule.ROUND_CLOSED, "this", "This round is closed.");
        }
        if (invitationMailInDoubt) {
            apply(new InvitationResendRequested(organisationId, campaignId, roundId, id));
        } else if (mailsSent.contains(MailPurpose.INVITATION)) {
            apply(new InvitationRepeatRequested(organisationId, campaignId, roundId, id));
        } else {
            throw new RuleViolation(Rule.INVITATION_ON_ITS_WAY,
                    "The invitation has not gone out yet: it is still on its way.");
        }
    }

    /** A repeatable mail is recorded once per message id; its token once per hash. */
    private void recordRepeatedMail(RecordMailSent command) {
        String messageId = command.providerMessageId();
        if (messageId != null && repeatedMails.contains(messageId)) {
            return;
        }
        if (command.tokenHash() != null && !issuedTokens.contains(command.tokenHash())) {
            apply(new InvitationTokenIssued(organisationId, campaignId, id, command.tokenHash()));
        }
        apply(new MailSent(organisationId, campaignId, id, command.purpose(), messageId));
    }

    @EventSourcingHandler
    void on(InvitationTokenIssued event) {
        issuedTokens.add(event.tokenHash());
    }

    @EventSourcingHandler
    void on(DeliveryRecorded event) {
        providerEvents.add(event.provider() + ":" + event.providerEventKey());
        deliveryStatus = event.status();
    }
}
