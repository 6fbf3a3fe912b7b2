package org.oostkit.wrt.web.retention;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.springframework.validation.Errors;

/** The "erase this campaign" form: the campaign's name, typed again as the confirmation. */
public class EraseCampaignForm {

    private String confirmName = "";

    public String getConfirmName() {
        return confirmName;
    }

    public void setConfirmName(String confirmName) {
        this.confirmName = confirmName == null ? "" : confirmName;
    }

    /** Rejects a name that isn't the campaign's; the rule needs the campaign, so the handler runs it. */
    void checkConfirms(String campaignName, Errors errors) {
        if (!confirmName.strip().equals(campaignName)) {
            errors.rejectValue("confirmName", "mismatch", AdminLanguage.text("erase.error.name"));
        }
    }
}
