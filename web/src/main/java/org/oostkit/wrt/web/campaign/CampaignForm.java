package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.query.api.CampaignView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The campaign form as typed: text fields stay text, so a wrong number is shown back as typed with a message
 * instead of failing to bind. {@link #errors()} uses the command side's own rules ({@link TextRule} for the
 * texts); the command still checks.
 */
class CampaignForm {

    private String name = "";
    private String description = "";
    private String threshold = "2";
    private String roundDays = "14";
    private boolean reminderEnabled = true;
    private String reminderDays = "3";
    private String invitationText = "";

    static CampaignForm of(CampaignView view) {
        CampaignForm form = new CampaignForm();
        form.name = AdminPages.text(view.name());
        form.description = AdminPages.text(view.description());
        form.threshold = Integer.toString(view.convergenceThreshold());
        form.roundDays = Integer.toString(view.defaultRoundDays());
        form.reminderEnabled = view.reminderEnabled();
        form.reminderDays = Integer.toString(view.reminderDaysBefore());
        form.invitationText = AdminPages.text(view.invitationText());
        return form;
    }

    /** Field name → message, in form order; empty when the form can be sent. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        String nameProblem = Refusals.problem(TextRule.CAMPAIGN_NAME, name);
        if (nameProblem != null) {
            errors.put("name", nameProblem);
        } else if (TextRule.CAMPAIGN_NAME.clean(name).isEmpty()) {
            errors.put("name", AdminLanguage.text("campaign.error.name"));
        }
        text(errors, "description", TextRule.CAMPAIGN_DESCRIPTION, description);
        whole(errors, "threshold", threshold, CampaignSettings.THRESHOLD_MIN, CampaignSettings.THRESHOLD_MAX,
                AdminLanguage.text("campaign.error.threshold"));
        whole(errors, "roundDays", roundDays, CampaignSettings.ROUND_DAYS_MIN, CampaignSettings.ROUND_DAYS_MAX,
                AdminLanguage.text("campaign.error.roundDays"));
        whole(errors, "reminderDays", reminderDays, CampaignSettings.REMINDER_DAYS_MIN,
                CampaignSettings.REMINDER_DAYS_MAX, AdminLanguage.text("campaign.error.reminder"));
        if (!errors.containsKey("roundDays") && !errors.containsKey("reminderDays") && reminderEnabled
                && Integer.parseInt(reminderDays.strip()) >= Integer.parseInt(roundDays.strip())) {
            errors.put("reminderDays", AdminLanguage.text("campaign.error.reminderBefore", roundDays.strip()));
        }
        text(errors, "invitationText", TextRule.INVITATION_TEXT, invitationText);
        return errors;
    }

    private static void text(Map<String, String> errors, String field, TextRule rule, String value) {
        String problem = Refusals.problem(rule, value);
        if (problem != null) {
            errors.put(field, problem);
        }
    }

    private static void whole(Map<String, String> errors, String field, String value, int min, int max, String what) {
        Integer number = parse(value);
        if (number == null || number < min || number > max) {
            errors.put(field, AdminLanguage.text("campaign.error.whole", what, min, max));
        }
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Only after {@link #errors()} came back empty. */
    CampaignSettings settings() {
        return new CampaignSettings(TextRule.CAMPAIGN_NAME.clean(name),
                TextRule.CAMPAIGN_DESCRIPTION.clean(description), Integer.parseInt(threshold.strip()),
                Integer.parseInt(roundDays.strip()), reminderEnabled, Integer.parseInt(reminderDays.strip()),
                TextRule.INVITATION_TEXT.clean(invitationText));
    }

    /** Which field a refused command is about (its rule code), so the message lands next to it. */
    static String fieldOf(Rule rule) {
        return switch (rule) {
            case NAME_INVALID -> "name";
            case DESCRIPTION_INVALID -> "description";
            case INVITATION_TEXT_INVALID -> "invitationText";
            case THRESHOLD_INVALID -> "threshold";
            case ROUND_DAYS_INVALID -> "roundDays";
            case REMINDER_INVALID -> "reminderDays";
            default -> null;
        };
    }

    /** The form for the template: every value as typed, and each field's message (if any). */
    record View(String name, String description, String threshold, String roundDays, boolean reminderEnabled,
                String reminderDays, String invitationText, Map<String, String> errors, boolean hasErrors) {
    }

    View model(Map<String, String> errors) {
        return new View(name, description, threshold, roundDays, reminderEnabled, reminderDays, invitationText,
                new LinkedHashMap<>(errors), !errors.isEmpty());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold == null ? "" : threshold;
    }

    public String getRoundDays() {
        return roundDays;
    }

    public void setRoundDays(String roundDays) {
        this.roundDays = roundDays == null ? "" : roundDays;
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

    public String getInvitationText() {
        return invitationText;
    }

    public void setInvitationText(String invitationText) {
        this.invitationText = invitationText == null ? "" : invitationText;
    }
}
