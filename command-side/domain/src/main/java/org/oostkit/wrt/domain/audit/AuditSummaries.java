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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * One readable sentence per event, with the facts it records (people by name and address while the
 * campaign's keys exist, {@code [erased]} after). Hashes of tokens and codes are left out: they mean
 * nothing to a reader. Next to the English sentence each summary has a key ({@code audit.<EventType>[.<variant>]}
 * in the admin bundle) and the values its pattern names, so a page can say it in its reader's language.
 */
final class AuditSummaries {

    private static final int LISTED = 10;

    private AuditSummaries() {
    }

    /**
     * A summary in English and for any language.
     *
     * @param key    the admin bundle's pattern for it, or null when only the English sentence says it
     * @param values what the pattern names, in order: strings, integers, and a nominee list as a list of
     *               {@code [person]} or {@code [person, reason]} lists
     */
    record Summary(String key, List<Object> values, String english) {

        Summary {
            values = List.copyOf(values);
        }
    }

    static String of(Object event) {
        return summary(event).english();
    }

    static Summary summary(Object event) {
        if (event instanceof CampaignCreated e) {
            return settings("audit.CampaignCreated", e.settings(),
                    "Campaign \"" + e.settings().name() + "\" created (" + settings(e.settings()) + ")");
        } else if (event instanceof CampaignDetailsChanged e) {
            return settings("audit.CampaignDetailsChanged", e.settings(),
                    "Campaign details changed to \"" + e.settings().name() + "\" (" + settings(e.settings()) + ")");
        } else if (event instanceof CampaignTimeZoneChanged e) {
            return e.timeZone() == null
                    ? said("Time zone: the organisation's", "audit.CampaignTimeZoneChanged.organisation")
                    : said("Time zone set to " + e.timeZone(), "audit.CampaignTimeZoneChanged", e.timeZone());
        } else if (event instanceof CampaignCompleted) {
            return said("Campaign completed", "audit.CampaignCompleted");
        } else if (event instanceof SeedPersonAdded e) {
            return said("Seed person added: " + person(e.name(), e.email()), "audit.SeedPersonAdded",
                    person(e.name(), e.email()));
        } else if (event instanceof SeedPersonRemoved e) {
            return said("Seed person removed (person " + e.personId() + ")", "audit.SeedPersonRemoved",
                    text(e.personId()));
        } else if (event instanceof PersonNominatedIntoCampaign e) {
            return said("Nominee entered the roster in round " + e.roundNumber() + ": " + person(e.name(), e.email()),
                    "audit.PersonNominatedIntoCampaign", e.roundNumber(), person(e.name(), e.email()));
        } else if (event instanceof PersonDroppedFromRoster e) {
            return said("Person left the roster, no longer named by anyone (person " + e.personId() + ")",
                    "audit.PersonDroppedFromRoster", text(e.personId()));
        } else if (event instanceof CampaignLanguageChanged e) {
            return said("The nominators' language changed to " + e.language(), "audit.CampaignLanguageChanged",
                    text(e.language()));
        } else if (event instanceof CampaignSenderChanged) {
            return said("Who the mail comes from changed (sender name, reply-to, contact person)",
                    "audit.CampaignSenderChanged");
        } else if (event instanceof PersonSetAside e) {
            boolean noNote = e.note() == null || e.note().isEmpty();
            String english = "Left out of the next round (person " + e.personId() + ")"
                    + (noNote ? "" : ", note: \"" + e.note() + "\"");
            return noNote ? said(english, "audit.PersonSetAside", text(e.personId()))
                    : said(english, "audit.PersonSetAside.note", text(e.personId()), e.note());
        } else if (event instanceof PersonBroughtBack e) {
            return said("Brought back for the next round (person " + e.personId() + ")", "audit.PersonBroughtBack",
                    text(e.personId()));
        } else if (event instanceof RemindNowRequested e) {
            return said("Round " + e.roundNumber() + ": everyone who has not answered reminded now",
                    "audit.RemindNowRequested", e.roundNumber());
        } else if (event instanceof InvitationRepeatRequested) {
            return said("Invitation mail sent again to this person on request (earlier links keep working)",
                    "audit.InvitationRepeatRequested");
        } else if (event instanceof PersonShortlisted e) {
            boolean noNote = e.note() == null || e.note().isEmpty();
            String english = "Chosen for the workshop shortlist (person " + e.personId() + ")"
                    + (noNote ? ", no note" : ", note: \"" + e.note() + "\"");
            return noNote ? said(english, "audit.PersonShortlisted.noNote", text(e.personId()))
                    : said(english, "audit.PersonShortlisted", text(e.personId()), e.note());
        } else if (event instanceof PersonRemovedFromShortlist e) {
            return said("Taken off the workshop shortlist (person " + e.personId() + ")",
                    "audit.PersonRemovedFromShortlist", text(e.personId()));
        } else if (event instanceof SelectionMailRequested e) {
            boolean noMessage = e.message() == null || e.message().isEmpty();
            String english = "Selection mail asked for: " + person(e.name(), e.email())
                    + (noMessage ? ", no message" : ", message: \"" + e.message() + "\"");
            return noMessage ? said(english, "audit.SelectionMailRequested.noMessage", person(e.name(), e.email()))
                    : said(english, "audit.SelectionMailRequested", person(e.name(), e.email()), e.message());
        } else if (event instanceof PersonToldOfSelection e) {
            return said("Selection mail sent (person " + e.personId() + ")", "audit.PersonToldOfSelection",
                    text(e.personId()));
        } else if (event instanceof SelectionMailNotSent e) {
            return said((e.uncertain() ? "Selection mail possibly not sent" : "Selection mail not sent") + " (person "
                            + e.personId() + "): " + e.reason(),
                    e.uncertain() ? "audit.SelectionMailNotSent.uncertain" : "audit.SelectionMailNotSent",
                    text(e.personId()), text(e.reason()));
        } else if (event instanceof ShortlistClosed e) {
            return said("Workshop shortlist closed as final with " + e.people() + " "
                    + plural(e.people(), "person", "people"), "audit.ShortlistClosed", e.people());
        } else if (event instanceof NominationsRecorded e) {
            return said("Round " + e.roundNumber() + ": a nominator's list recorded in the roster ("
                            + e.nominees().size() + " " + plural(e.nominees().size(), "person", "people") + ")",
                    "audit.NominationsRecorded", e.roundNumber(), e.nominees().size());
        } else if (event instanceof PeopleContacted e) {
            return said("Round " + e.roundNumber() + ": " + e.personIds().size() + " "
                            + plural(e.personIds().size(), "person", "people") + " selected to be asked",
                    "audit.PeopleContacted", e.roundNumber(), e.personIds().size());
        } else if (event instanceof RoundStarted e) {
            String english = "Round " + e.roundNumber() + " started with " + e.invitationCount() + " "
                    + plural(e.invitationCount(), "invitation", "invitations") + ", deadline " + e.deadline()
                    + (e.reminderAt() == null ? ", no reminder" : ", reminder " + e.reminderAt());
            return e.reminderAt() == null
                    ? said(english, "audit.RoundStarted.noReminder", e.roundNumber(), e.invitationCount(),
                    text(e.deadline()))
                    : said(english, "audit.RoundStarted", e.roundNumber(), e.invitationCount(), text(e.deadline()),
                    text(e.reminderAt()));
        } else if (event instanceof RoundDeadlinesScheduled) {
            return said("Round deadlines scheduled (auto-close and reminder)", "audit.RoundDeadlinesScheduled");
        } else if (event instanceof RoundExtended e) {
            return said("Round " + e.roundNumber() + " extended from " + e.previousDeadline() + " to " + e.deadline(),
                    "audit.RoundExtended", e.roundNumber(), text(e.previousDeadline()), text(e.deadline()));
        } else if (event instanceof ReminderDue e) {
            return said("Round " + e.roundNumber() + ": reminder due", "audit.ReminderDue", e.roundNumber());
        } else if (event instanceof RoundClosed e) {
            return said("Round " + e.roundNumber() + " closed (" + lower(e.reason()) + ")",
                    variant("audit.RoundClosed", e.reason()), e.roundNumber());
        } else if (event instanceof ContactInvited e) {
            return said("Invited to round " + e.roundNumber() + ": " + person(e.name(), e.email()),
                    "audit.ContactInvited", e.roundNumber(), person(e.name(), e.email()));
        } else if (event instanceof InvitationTokenIssued) {
            return said("Personal link issued (only its keyed hash is stored)", "audit.InvitationTokenIssued");
        } else if (event instanceof InvitationLinkOpened) {
            return said("Personal link opened", "audit.InvitationLinkOpened");
        } else if (event instanceof VerificationCodeIssued e) {
            return said("Verification code issued, valid until " + e.expiresAt() + ", " + e.attemptsAllowed()
                    + " attempts", "audit.VerificationCodeIssued", text(e.expiresAt()), e.attemptsAllowed());
        } else if (event instanceof VerificationCodeWithdrawn e) {
            return said("Verification code valid until " + e.expiresAt() + " withdrawn: its mail was not sent",
                    "audit.VerificationCodeWithdrawn", text(e.expiresAt()));
        } else if (event instanceof VerificationFailed e) {
            return said("Wrong verification code, " + e.attemptsLeft() + " "
                    + plural(e.attemptsLeft(), "attempt", "attempts") + " left", "audit.VerificationFailed",
                    e.attemptsLeft());
        } else if (event instanceof NominatorVerified) {
            return said("Nominator verified their address", "audit.NominatorVerified");
        } else if (event instanceof MailSent e) {
            String english = capitalised(lower(e.purpose())) + " mail sent" + (e.providerMessageId() == null ? ""
                    : " (message " + e.providerMessageId() + ")");
            String key = variant("audit.MailSent", e.purpose());
            return e.providerMessageId() == null ? said(english, key)
                    : said(english, key == null ? null : key + ".message", e.providerMessageId());
        } else if (event instanceof MailFailed e) {
            String key = variant("audit.MailFailed", e.purpose());
            return said(capitalised(lower(e.purpose())) + " mail failed" + (e.permanent() ? " permanently" : "")
                    + ": " + e.reason(), key == null || !e.permanent() ? key : key + ".permanent", text(e.reason()));
        } else if (event instanceof MailOutcomeUncertain e) {
            return said(capitalised(lower(e.purpose())) + " mail may or may not have gone out (its sender stopped)",
                    variant("audit.MailOutcomeUncertain", e.purpose()));
        } else if (event instanceof InvitationResendRequested) {
            return said("Invitation mail sent again with a new link", "audit.InvitationResendRequested");
        } else if (event instanceof DeliveryRecorded e) {
            // kind and status are the provider's own terms, shown as it names them in every language
            return said("Provider " + e.provider() + " reported " + lower(e.kind()) + " at " + e.occurredAt()
                            + " (delivery status " + lower(e.status()) + ")", "audit.DeliveryRecorded",
                    text(e.provider()), lower(e.kind()), text(e.occurredAt()), lower(e.status()));
        } else if (event instanceof NominationSubmitted e && e.noOneToSuggest()) {
            return said("Round " + e.roundNumber() + ": answered that they have no one to suggest",
                    "audit.NominationSubmitted.noOne", e.roundNumber());
        } else if (event instanceof NominationRevised e && e.noOneToSuggest()) {
            return said("Round " + e.roundNumber() + ": answer changed to no one to suggest",
                    "audit.NominationRevised.noOne", e.roundNumber());
        } else if (event instanceof NominationSubmitted e) {
            return nominees("audit.NominationSubmitted", e.roundNumber(), e.nominees(),
                    "Round " + e.roundNumber() + ": nominated " + nominees(e.nominees()));
        } else if (event instanceof NominationRevised e) {
            return nominees("audit.NominationRevised", e.roundNumber(), e.nominees(),
                    "Round " + e.roundNumber() + ": list revised to " + nominees(e.nominees()));
        }
        return new Summary(null, List.of(), generic(event));
    }

    private static Summary said(String english, String key, Object... values) {
        List<Object> kept = new ArrayList<>(values.length);
        for (Object value : values) {
            // a missing fact reads as the English sentence reads it: the trail never fails over a summary
            kept.add(value == null ? "null" : value);
        }
        return new Summary(key, kept, english);
    }

    /** {@code audit.RoundClosed.deadlinePassed} for {@code DEADLINE_PASSED}; no key for a missing value. */
    private static String variant(String key, Enum<?> value) {
        if (value == null) {
            return null;
        }
        String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder variant = new StringBuilder(key).append('.').append(words[0]);
        for (int i = 1; i < words.length; i++) {
            variant.append(capitalised(words[i]));
        }
        return variant.toString();
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }

    private static Summary settings(String key, CampaignSettings s, String english) {
        return s.reminderEnabled()
                ? said(english, key, s.name(), s.convergenceThreshold(), s.defaultRoundDays(), s.reminderDaysBefore())
                : said(english, key + ".noReminder", s.name(), s.convergenceThreshold(), s.defaultRoundDays());
    }

    private static String settings(CampaignSettings s) {
        return "threshold " + s.convergenceThreshold() + ", rounds of " + s.defaultRoundDays() + " days, "
                + (s.reminderEnabled() ? "reminder " + s.reminderDaysBefore() + " days before" : "no reminder");
    }

    private static String person(String name, String email) {
        return name + " <" + email + ">";
    }

    /** Round, count, the people listed (each {@code [person]} or {@code [person, reason]}) and how many more. */
    private static Summary nominees(String key, int round, List<Nominee> nominees, String english) {
        if (nominees.isEmpty()) {
            return said(english, key + ".empty", round);
        }
        List<List<String>> listed = nominees.stream().limit(LISTED).map(n -> {
            String reason = reason(n);
            return reason.isEmpty() ? List.of(person(n.name(), n.email())) : List.of(person(n.name(), n.email()), reason);
        }).toList();
        int more = nominees.size() - LISTED;
        return more > 0 ? said(english, key + ".more", round, nominees.size(), listed, more)
                : said(english, key, round, nominees.size(), listed);
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
        String reason = reason(n);
        return person(n.name(), n.email()) + (reason.isEmpty() ? "" : " (reason: \u201c" + reason + "\u201d)");
    }

    private static String reason(Nominee n) {
        return n.reason() == null ? "" : n.reason().strip();
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
