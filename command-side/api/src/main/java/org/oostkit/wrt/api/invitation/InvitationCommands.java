package org.oostkit.wrt.api.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** Commands on the Invitation aggregate. Invitations are created when a round starts. */
public final class InvitationCommands {

    private InvitationCommands() {
    }

    /** Records the keyed hash of a new magic-link token; earlier ones keep working while the round is open. */
    public record IssueInvitationToken(@TargetAggregateIdentifier InvitationId invitationId,
                                       OrganisationId organisationId,
                                       String tokenHash) {
    }

    /** The nominator's page was opened through the link (consumes nothing). */
    public record RecordLinkOpened(@TargetAggregateIdentifier InvitationId invitationId,
                                   OrganisationId organisationId) {
    }

    /**
     * Asks for a verification code for the given address, which must be the invited one. Answers with an
     * {@link IssuedCode} to mail.
     */
    public record RequestVerificationCode(@TargetAggregateIdentifier InvitationId invitationId,
                                          OrganisationId organisationId,
                                          String email) {
    }

    /**
     * Takes back the code issued with {@code expiresAt}: its mail was not handed over to the mail server.
     * Nothing happens when that code is unknown or already taken back.
     */
    public record WithdrawVerificationCode(@TargetAggregateIdentifier InvitationId invitationId,
                                           OrganisationId organisationId,
                                           Instant expiresAt) {
    }

    /** Checks a code entered by the nominator. Answers with a {@link VerificationOutcome}. */
    public record VerifyCode(@TargetAggregateIdentifier InvitationId invitationId,
                             OrganisationId organisationId,
                             String code) {
        @Override
        public String toString() {
            return "VerifyCode[invitationId=" + invitationId + ", code=******]";
        }
    }

    /**
     * The mail of a purpose was handed to the mail server. {@code tokenHash}: the keyed hash of the link token
     * the mail carries, issued with this record (as {@link IssueInvitationToken} would), or null.
     */
    public record RecordMailSent(@TargetAggregateIdentifier InvitationId invitationId,
                                 OrganisationId organisationId,
                                 MailPurpose purpose,
                                 String providerMessageId,
                                 String tokenHash) {

        /** A mail that carries no new link token. */
        public RecordMailSent(InvitationId invitationId, OrganisationId organisationId, MailPurpose purpose,
                              String providerMessageId) {
            this(invitationId, organisationId, purpose, providerMessageId, null);
        }
    }

    /** The mail of a purpose could not be sent. */
    public record RecordMailFailed(@TargetAggregateIdentifier InvitationId invitationId,
                                   OrganisationId organisationId,
                                   MailPurpose purpose,
                                   String reason,
                                   boolean permanent) {
    }

    /**
     * The outcome of a mail of a purpose is unknown: its instance stopped while handing it to the server.
     * {@code tokenHash}: the keyed hash of the link token the mail carried (it may have arrived, so its link
     * must work), or null.
     */
    public record RecordMailUncertain(@TargetAggregateIdentifier InvitationId invitationId,
                                      OrganisationId organisationId,
                                      MailPurpose purpose,
                                      String tokenHash) {
    }

    /**
     * An admin sends the invitation mail again, with a fresh link: allowed while the round is open and only
     * when the invitation mail failed or may not have arrived.
     */
    public record SendInvitationAgain(@TargetAggregateIdentifier InvitationId invitationId,
                                      OrganisationId organisationId) {
    }

    /** An email provider reported on the invitation mail. */
    public record RecordDelivery(@TargetAggregateIdentifier InvitationId invitationId,
                                 OrganisationId organisationId,
                                 DeliveryKind kind,
                                 String provider,
                                 String providerEventKey,
                                 Instant occurredAt) {
    }
}
