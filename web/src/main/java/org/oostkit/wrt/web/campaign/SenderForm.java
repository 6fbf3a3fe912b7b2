package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The campaign's sender and contact form, as typed; its {@link Rules} are the ones {@link CampaignSender} names. */
public class SenderForm {

    private String senderName = "";
    private String replyTo = "";
    private String contactName = "";
    private String contactEmail = "";

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName == null ? "" : senderName;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo == null ? "" : replyTo;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName == null ? "" : contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail == null ? "" : contactEmail;
    }

    CampaignSender typed() {
        return new CampaignSender(senderName, replyTo, contactName, contactEmail);
    }

    /** The same rules the campaign applies, all at once, so every field shows its problem; the campaign checks again. */
    static final class Rules implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return SenderForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            CampaignSender typed = ((SenderForm) target).typed();
            problem(errors, "senderName", Refusals.problem(CampaignSender.SENDER_NAME, typed.senderName()));
            problem(errors, "replyTo", addressProblem(typed.replyTo(), "rule.reply-to-invalid"));
            problem(errors, "contactName", Refusals.problem(CampaignSender.CONTACT_NAME, typed.contactName()));
            String contactEmail = addressProblem(typed.contactEmail(), "rule.contact-email-invalid");
            problem(errors, "contactEmail", contactEmail);
            if (contactEmail == null && !typed.contactName().isBlank() && typed.contactEmail().isBlank()) {
                errors.rejectValue("contactEmail", "required", AdminLanguage.text("sender.error.contactEmail"));
            }
        }

        private static void problem(Errors errors, String field, String fragment) {
            if (fragment != null) {
                errors.rejectValue(field, "invalid", fragment.endsWith(".") ? fragment : TextRule.sentence(fragment));
            }
        }

        private static String addressProblem(String raw, String key) {
            String email = Emails.normalise(raw);
            if (email == null || email.isEmpty() || Emails.isValid(email)) {
                return null;
            }
            return AdminLanguage.text(key, TextRule.visible(email));
        }
    }
}
