package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.campaign.CampaignSender;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A campaign's sender and contact person as the mail policy keeps them (from {@code CampaignSenderChanged}):
 * the nominator pages show the same contact, and speak the same language, as the mails.
 */
@Component
public class CampaignSenders {

    private final JdbcTemplate jdbc;

    CampaignSenders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's sender, or {@link CampaignSender#NONE}. */
    public CampaignSender of(UUID campaignId) {
        List<CampaignSender> found = jdbc.query("""
                SELECT sender_name, reply_to, contact_name, contact_email FROM mail_campaign WHERE campaign_id = ?
                """, (rs, i) -> sender(rs), campaignId);
        return found.isEmpty() ? CampaignSender.NONE : found.get(0);
    }

    /** The language the campaign addresses its nominators in: en, nl, de or fr (en when unknown). */
    public String language(UUID campaignId) {
        List<String> found = jdbc.queryForList("SELECT language FROM mail_campaign WHERE campaign_id = ?",
                String.class, campaignId);
        return found.isEmpty() ? "en" : found.get(0);
    }

    static CampaignSender sender(ResultSet rs) throws SQLException {
        return new CampaignSender(rs.getString("sender_name"), rs.getString("reply_to"), rs.getString("contact_name"),
                rs.getString("contact_email"));
    }
}
