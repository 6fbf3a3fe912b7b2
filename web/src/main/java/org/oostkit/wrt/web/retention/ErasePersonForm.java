package org.oostkit.wrt.web.retention;

import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The "erase one person" form as typed: the address and the tick; the campaign decides whom the address finds. */
public class ErasePersonForm {

    private String email = "";
    private boolean confirm;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }

    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }

    String normalisedEmail() {
        return Emails.normalise(email);
    }

    static final class Rules implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return ErasePersonForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            ErasePersonForm form = (ErasePersonForm) target;
            String normalised = form.normalisedEmail();
            if (normalised == null || normalised.isEmpty()) {
                errors.rejectValue("email", "required", AdminLanguage.text("erase.error.emailMissing"));
            } else if (!Emails.isValid(normalised)) {
                errors.rejectValue("email", "invalid", AdminLanguage.text("erase.error.emailInvalid"));
            }
            if (!form.confirm) {
                errors.rejectValue("confirm", "required", AdminLanguage.text("erase.error.confirm"));
            }
        }
    }
}
