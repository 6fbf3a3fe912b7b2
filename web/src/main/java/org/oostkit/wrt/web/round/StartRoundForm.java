package org.oostkit.wrt.web.round;

import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The start-a-round form as typed: text stays text so a wrong number comes back as typed with a message. Its
 * {@link Rules} check the reminder against {@link CampaignSettings}; the deadline needs the campaign's time zone,
 * so {@link #checkDeadline} runs in the handler. The campaign checks both again.
 */
public class StartRoundForm {

    private String deadline = "";
    private boolean reminderEnabled;
    private String reminderDays = "";

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline == null ? "" : deadline;
    }

    public boolean isReminderEnabled() {
        return reminderEnabled;
    }

    public void setReminderEnabled(boolean reminderEnabled) {
        this.reminderEnabled = reminderEnabled;
    }

    public String getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(String reminderDays) {
        this.reminderDays = reminderDays == null ? "" : reminderDays;
    }

    /** The deadline in the campaign's zone, or null when it isn't a date and time. */
    Instant deadlineIn(ZoneId zone) {
        return LocalTimes.fromInput(deadline, zone);
    }

    /** The reminder's days before the deadline, or null when it isn't a whole number. */
    Integer days() {
        try {
            return Integer.valueOf(reminderDays.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rejects a missing or past deadline, read in the campaign's zone. */
    void checkDeadline(ZoneId zone, Errors errors) {
        Instant at = deadlineIn(zone);
        if (at == null) {
            errors.rejectValue("deadline", "required", AdminLanguage.text("rounds.error.deadlineMissing"));
        } else if (!at.isAfter(Instant.now())) {
            errors.rejectValue("deadline", "past", AdminLanguage.text("rounds.error.deadlinePast"));
        }
    }

    static final class Rules implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return StartRoundForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            StartRoundForm form = (StartRoundForm) target;
            Integer days = form.days();
            if (form.reminderEnabled && (days == null || days < CampaignSettings.REMINDER_DAYS_MIN
                    || days > CampaignSettings.REMINDER_DAYS_MAX)) {
                errors.rejectValue("reminderDays", "range", AdminLanguage.text("rounds.error.reminderDays",
                        CampaignSettings.REMINDER_DAYS_MIN, CampaignSettings.REMINDER_DAYS_MAX));
            }
        }
    }
}
