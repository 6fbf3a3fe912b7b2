package org.oostkit.wrt.domain.audit;

import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.CampaignLanguageChanged;
import org.oostkit.wrt.api.campaign.CampaignSenderChanged;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.campaign.NominationsRecorded;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationRepeatRequested;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.invitation.VerificationCodeWithdrawn;
import org.oostkit.wrt.api.invitation.VerificationFailed;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.round.RemindNowRequested;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundDeadlinesScheduled;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * One readable sentence per event, with the facts it records (people by name and address while the
 * campaign's keys exist, {@code [erased]} after). Hashes of tokens and codes are left out: they mean
 * nothing to a reader.
 */
final class AuditSummaries {

    private static final int LISTED = 10;

    private AuditSummaries() {
    }

    static String of(Object event) {
        if (event instanceof CampaignCreated e) {
            return "Campaign \"" + e.settings().name() + "\" created (" + settings(e.settings()) + ")";
        } else if (event instanceof CampaignDetailsChanged e) {
            return "Campaign details changed to \"" + e.settings().name() + "\" (" + settings(e.settings()) + ")";
        } else if (event instanceof CampaignTimeZoneChanged e) {
            return e.timeZone() == null ? "Time zone: the organisation's" : "Time zone set to " + e.timeZone();
        } else if (event instanceof CampaignCompleted) {
            return "Campaign completed";
        } else if (event instanceof SeedPersonAdded e) {
            return "Seed person added: " + person(e.name(), e.email());
        } else if (event instanceof SeedPersonRemoved e) {
            return "Seed person removed (person " + e.personId() + ")";
        } else if (event instanceof PersonNominatedIntoCampaign e) {
            return "Nominee entered the roster in round " + e.roundNumber() + ": " + person(e.name(), e.email());
        } else if (event instanceof PersonDroppedFromRoster e) {
            return "Person left the roster, no longer named by anyone (person " + e.personId() + ")";
        } else if (event instanceof CampaignLanguageChanged e) {
            return "The nominators' language changed to " + e.language();
        } else if (event instanceof CampaignSenderChanged) {
            return "Who the mail comes from changed (sender name, reply-to, contact person)";
        } else if (event instanceof PersonSetAside e) {
            return "Left out of the next round (person " + e.personId() + ")"
                    + (e.note() == null || e.note().isEmpty() ? "" : ", note: \"" + e.note() + "\"");
        } else if (event instanceof PersonBroughtBack e) {
            return "Brought back for the next round (person " + e.personId() + ")";
        } else if (event instanceof RemindNowRequested e) {
            return "Round " + e.roundNumber() + ": everyone who has not answered reminded now";
        } else if (event instanceof InvitationRepeatRequested) {
            return "Invitation mail sent again to this person on request (earlier links keep working)";
        } else if (event instanceof PersonShortlisted e) {
            return "Chosen for the workshop shortlist (person " + e.personId() + ")"
                    + (e.note() == null || e.note().isEmpty() ? ", no note" : ", note: \"" + e.note() + "\"");
        } else if (event instanceof PersonRemovedFromShortlist e) {
            return "Taken off the workshop shortlist (person " + e.personId() + ")";
        } else if (event instanceof SelectionMailRequested e) {
            return "Selection mail asked for: " + person(e.name(), e.email())
                    + (e.message() == null || e.message().isEmpty() ? ", no message" : ", message: \"" + e.message() + "\"");
        } else if (event instanceof PersonToldOfSelection e) {
            return "Selection mail sent (person " + e.personId() + ")";
        } else if (event instanceof SelectionMailNotSent e) {
            return (e.uncertain() ? "Selection mail possibly not sent" : "Selection mail not sent") + " (person "
                    + e.personId() + "): " + e.reason();
        } else if (event instanceof ShortlistClosed e) {
            return "Workshop shortlist closed as final with " + e.people() + " "
                    + plural(e.people(), "person", "people");
        } else if (event instanceof NominationsRecorded e) {
            return "Round " + e.roundNumber() + ": a nominator's list recorded in the roster (" + e.nominees().size()
                    + " " + plural(e.nominees().size(), "person", "people") + ")";
        } else if (event instanceof PeopleContacted e) {
            return "Round " + e.roundNumber() + ": " + e.personIds().size() + " "
                    + plural(e.personIds().size(), "person", "people") + " selected to be asked";
        } else if (event instanceof RoundStarted e) {
            return "Round " + e.roundNumber() + " started with " + e.invitationCount() + " "
                    + plural(e.invitationCount(), "invitation", "invitations") + ", deadline " + e.deadline()
                    + (e.reminderAt() == null ? ", no reminder" : ", reminder " + e.reminderAt());
        } else if (event instanceof RoundDeadlinesScheduled) {
            return "Round deadlines scheduled (auto-close and reminder)";
        } else if (event instanceof RoundExtended e) {
            return "Round " + e.roundNumber() + " extended from " + e.previousDeadline() + " to " + e.deadline();
        } else if (event instanceof ReminderDue e) {
            return "Round " + e.roundNumber() + ": reminder due";
        } else if (event instanceof RoundClosed e) {
            return "Round " + e.roundNumber() + " closed (" + lower(e.reason()) + ")";
        } else if (event instanceof ContactInvited e) {
            return "Invited to round " + e.roundNumber() + ": " + person(e.name(), e.email());
        } else if (event instanceof InvitationTokenIssued) {
            return "Personal link issued (only its keyed hash is stored)";
        } else if (event instanceof InvitationLinkOpened) {
            return "Personal link opened";
        } else if (event instanceof VerificationCodeIssued e) {
            return "Verification code issued, valid until " + e.expiresAt() + ", " + e.attemptsAllowed()
                    + " attempts";
        } else if (event instanceof VerificationCodeWithdrawn e) {
            return "Verification code valid until " + e.expiresAt() + " withdrawn: its mail was not sent";
        } else if (event instanceof VerificationFailed e) {
            return "Wrong verification code, " + e.attemptsLeft() + " " + plural(e.attemptsLeft(), "attempt", "attempts")
                    + " left";
        } else if (event instanceof NominatorVerified) {
            return "Nominator verified their address";
        } else if (event instanceof MailSent e) {
            return capitalised(lower(e.purpose())) + " mail sent" + (e.providerMessageId() == null ? ""
                    : " (message " + e.providerMessageId() + ")");
        } else if (event instanceof MailFailed e) {
            return capitalised(lower(e.purpose())) + " mail failed" + (e.permanent() ? " permanently" : "") + ": " + e.reason();
        } else if (event instanceof MailOutcomeUncertain e) {
            return capitalised(lower(e.purpose())) + " mail may or may not have gone out (its sender stopped)";
        } else if (event instanceof InvitationResendRequested) {
            return "Invitation mail sent again with a new link";
        } else if (event instanceof DeliveryRecorded e) {
            return "Provider " + e.provider() + " reported " + lower(e.kind()) + " at " + e.occurredAt()
                    + " (delivery status " + lower(e.status()) + ")";
        } else if (event instanceof NominationSubmitted e && e.noOneToSuggest()) {
            return "Round " + e.roundNumber() + ": answered that they have no one to suggest";
        } else if (event instanceof NominationRevised e && e.noOneToSuggest()) {
            return "Round " + e.roundNumber() + ": answer changed to no one to suggest";
        } else if (event instanceof NominationSubmitted e) {
            return "Round " + e.roundNumber() + ": nominated " + nominees(e.nominees());
        } else if (event instanceof NominationRevised e) {
            return "Round " + e.roundNumber() + ": list revised to " + nominees(e.nominees());
        }
        return generic(event);
    }

    private static String settings(CampaignSettings s) {
        return "threshold " + s.convergenceThreshold() + ", rounds of " + s.defaultRoundDays() + " days, "
                + (s.reminderEnabled() ? "reminder " + s.reminderDaysBefore() + " days before" : "no reminder");
    }

    private static String person(String name, String email) {
        return name + " <" + email + ">";
    }

    private static String nominees(List<Nominee> nominees) {
        if (nominees.isEmpty()) {
            return "nobody (an empty list)";
        }
        String listed = nominees.stream().limit(LISTED).map(AuditSummaries::nominee)
                .collect(Collectors.joining(", "));
        int more = nominees.size() - LISTED;
        return nominees.size() + " " + plural(nominees.size(), "person", "people") + ": " + listed
                + (more > 0 ? " and " + more + " more" : "");
    }

    /** The person, and the reason given for naming them when there is one (it reads as erased like a name). */
    private static String nominee(Nominee n) {
        String reason = n.reason() == null ? "" : n.reason().strip();
        return person(n.name(), n.email()) + (reason.isEmpty() ? "" : " (reason: \u201c" + reason + "\u201d)");
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lower(Enum<?> value) {
        if (value == null) {
            return "unknown";
        }
        String text = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return text;
    }

    /** An event this class does not know yet: its facts, ids left out. */
    private static String generic(Object event) {
        String name = event.getClass().getSimpleName();
        if (!event.getClass().isRecord()) {
            return name;
        }
        StringJoiner facts = new StringJoiner(", ", name + " (", ")").setEmptyValue(name);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().endsWith("Id")) {
                continue;
            }
            try {
                facts.add(component.getName() + " " + component.getAccessor().invoke(event));
            } catch (ReflectiveOperationException e) {
                // an inaccessible component is left out
            }
        }
        return facts.toString();
    }
}
