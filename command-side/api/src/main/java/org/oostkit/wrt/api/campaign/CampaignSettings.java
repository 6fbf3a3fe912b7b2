package org.oostkit.wrt.api.campaign;

import org.oostkit.wrt.api.common.TextRule;

/**
 * What an admin decides about a campaign.
 *
 * @param convergenceThreshold   how many distinct nominators make a strong candidate (default 2)
 * @param defaultRoundDays       the deadline a new round is offered, in days from its start
 * @param reminderEnabled        whether rounds remind those who have not answered, by default
 * @param reminderDaysBefore     how many days before the deadline the reminder goes out
 * @param invitationText         the campaign's own words in the invitation mail and on the form
 * The texts follow {@link TextRule} (the campaign aggregate applies it).
 */
public record CampaignSettings(String name,
                               String description,
                               int convergenceThreshold,
                               int defaultRoundDays,
                               boolean reminderEnabled,
                               int reminderDaysBefore,
                               String invitationText) {

    public static final int NAME_MAX = TextRule.CAMPAIGN_NAME.maxLength();
    public static final int DESCRIPTION_MAX = TextRule.CAMPAIGN_DESCRIPTION.maxLength();
    public static final int INVITATION_TEXT_MAX = TextRule.INVITATION_TEXT.maxLength();
    public static final int THRESHOLD_MIN = 1;
    public static final int THRESHOLD_MAX = 100;
    public static final int ROUND_DAYS_MIN = 1;
    public static final int ROUND_DAYS_MAX = 90;
    public static final int REMINDER_DAYS_MIN = 1;
    public static final int REMINDER_DAYS_MAX = 30;

    /** Sensible defaults for a new campaign with the given name. */
    public static CampaignSettings named(String name) {
        return new CampaignSettings(name, "", 2, 14, true, 3, "");
    }
}
