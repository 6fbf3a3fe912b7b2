package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.export.ReportNumbers;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages.Crumb;
import org.oostkit.wrt.web.campaign.AdminPages.NavItem;
import org.oostkit.wrt.web.campaign.AdminPages.Paging;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.time.ZoneId;
import java.util.List;

/** The typed views of the round pages; component names are the templates' variable names. */
final class RoundViews {

    private RoundViews() {
    }

    /** The round detail page ({@code round/round}), on top of the admin frame. */
    record RoundPage(List<Crumb> crumbs, List<NavItem> tabs, String base, String here, String zone, RoundModel round,
                     String liveUrl, boolean providerCounts, Extend extend, String extendError,
                     List<ContactRow> contacts, int contactCount, boolean hasContacts, List<FilterOption> filters,
                     boolean filtered, Paging paging, RoundAnswers.Answers answers, boolean canResend,
                     List<ContactRow> inDoubt, int inDoubtCount, boolean hasInDoubt) {
    }

    /** The close confirmation ({@code round/close}). */
    record ClosePage(List<Crumb> crumbs, RoundModel round, String here, String error) {
    }

    /** The deadline extension field: its suggested value and earliest allowed value. */
    record Extend(String value, String min) {
    }

    record FilterOption(String value, String label, boolean selected) {
    }

    /**
     * A round as its pages and the rounds list show it, with the live numbers under the names the page's
     * {@code data-live} attributes use; {@code href} only in the list.
     */
    record RoundModel(int number, boolean open, String statusLabel, String statusClass, String started,
                      String deadline, String deadlineIso, boolean hasReminder, String reminder, boolean reminderSent,
                      String reminderSentAt, String closed, String closeReason, boolean hasCloseReason, int contacted,
                      int responded, String responseRate, String status, int sent, int failed, int delivered,
                      int opened, int clicked, int bounced, int spam, int linkOpened, int verified, String href) {

        static RoundModel of(RoundView round, ZoneId zone, String href) {
            return new RoundModel(round.number(), round.open(), status(round),
                    round.open() ? "ok" : "", LocalTimes.shortMoment(round.startedAt(), zone, AdminLanguage.locale()),
                    // the deadline in full, word for word as the invitation mail and the nominator's page state it
                    LocalTimes.moment(round.deadline(), zone, AdminLanguage.locale()),
                    round.deadline() == null ? "" : round.deadline().toString(),
                    // a closed round sends no reminder any more: only one already sent is worth mentioning
                    round.reminderAt() != null && (round.open() || round.reminderSentAt() != null),
                    LocalTimes.shortMoment(round.reminderAt(), zone, AdminLanguage.locale()), round.reminderSentAt() != null,
                    LocalTimes.shortMoment(round.reminderSentAt(), zone, AdminLanguage.locale()), LocalTimes.shortMoment(round.closedAt(), zone, AdminLanguage.locale()),
                    "DEADLINE_PASSED".equals(round.closeReason()) ? AdminLanguage.text("round.closedAtDeadline")
                            : "CLOSED_BY_ADMIN".equals(round.closeReason()) ? AdminLanguage.text("round.closedByAdmin")
                            : "",
                    round.closeReason() != null, round.contacted(), round.responded(),
                    ReportNumbers.percent(round.responseRate()), status(round), round.sent(),
                    round.failed(), round.delivered(), round.opened(), round.clicked(), round.bounced(),
                    round.spamComplaints(), round.linkOpened(), round.verified(), href);
        }

        static String status(RoundView round) {
            return AdminLanguage.text(round.open() ? "round.status.open" : "round.status.closed");
        }
    }

    /** The live numbers the round page's server-sent events carry (as JSON). */
    record LiveNumbers(String status, int contacted, int sent, int failed, int delivered, int opened, int clicked,
                       int bounced, int spam, int linkOpened, int verified, int responded, String responseRate) {

        static LiveNumbers of(RoundView round) {
            return new LiveNumbers(RoundModel.status(round), round.contacted(), round.sent(), round.failed(),
                    round.delivered(), round.opened(), round.clicked(), round.bounced(), round.spamComplaints(),
                    round.linkOpened(), round.verified(), round.responded(), ReportNumbers.percent(round.responseRate()));
        }
    }

    /** One contact of a round, in the contacts table or the list of invitations in doubt. */
    record ContactRow(String name, String email, String status, String statusClass, String invitation,
                      boolean resendable, String failure, boolean hasFailure, String linkOpened, String verified,
                      boolean responded, String respondedAt, int nominees, String reminded) {

        static ContactRow of(ContactView contact, ZoneId zone) {
            String status = AdminPages.text(contact.deliveryStatus());
            return new ContactRow(AdminPages.text(contact.name()), AdminPages.text(contact.email()),
                    contact.uncertain() ? AdminLanguage.text("delivery.UNCERTAIN") : status.isEmpty() ? ""
                            : AdminLanguage.textOr("delivery." + status, status.toLowerCase().replace('_', ' ')),
                    switch (status) {
                        case "DELIVERED", "OPENED", "CLICKED" -> "ok";
                        case "FAILED", "BOUNCED", "SPAM_COMPLAINT" -> "bad";
                        case "UNCERTAIN" -> "warn";
                        default -> "";
                    },
                    contact.invitationId().toString(), contact.uncertain() || contact.failed(),
                    AdminPages.text(contact.failureReason()),
                    contact.failureReason() != null && !contact.failureReason().isBlank(),
                    LocalTimes.shortMoment(contact.linkOpenedAt(), zone, AdminLanguage.locale()),
                    LocalTimes.shortMoment(contact.verifiedAt(), zone, AdminLanguage.locale()), contact.responded(),
                    LocalTimes.shortMoment(contact.respondedAt(), zone, AdminLanguage.locale()), contact.nominees(),
                    LocalTimes.shortMoment(contact.remindedAt(), zone, AdminLanguage.locale()));
        }
    }
}
