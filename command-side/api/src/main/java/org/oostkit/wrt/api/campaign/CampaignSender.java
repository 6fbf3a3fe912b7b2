package org.oostkit.wrt.api.campaign;

import org.oostkit.wrt.api.common.TextRule;

/**
 * Who a campaign's mail comes from, as nominators see it: the display name of the sender (the address stays
 * the configured one, so SPF and DKIM stay valid), where replies go, and the contact person named in every
 * mail and on the nominator pages ("Questions? Write to …"). Every part is optional; empty means "not set".
 */
public record CampaignSender(String senderName, String replyTo, String contactName, String contactEmail) {

    public static final TextRule SENDER_NAME = new TextRule("the sender name", 100, false);
    public static final TextRule CONTACT_NAME = new TextRule("the contact person's name", 200, false);
    public static final CampaignSender NONE = new CampaignSender("", "", "", "");

    public CampaignSender {
        senderName = senderName == null ? "" : senderName;
        replyTo = replyTo == null ? "" : replyTo;
        contactName = contactName == null ? "" : contactName;
        contactEmail = contactEmail == null ? "" : contactEmail;
    }

    /** Whether a contact person is named (an address is what makes one). */
    public boolean hasContact() {
        return !contactEmail.isEmpty();
    }

    /** How mails and pages name the contact: "Ada Lovelace (ada@example.org)", or the bare address. */
    public String contactLabel() {
        return contactName.isEmpty() ? contactEmail : contactName + " (" + contactEmail + ")";
    }
}
