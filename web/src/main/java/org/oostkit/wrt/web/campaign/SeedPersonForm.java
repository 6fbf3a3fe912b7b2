package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.web.i18n.Refusals;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The "add a person" form of the seed group, as typed; its {@link Rules} are the api's text and email rules. */
public class SeedPersonForm {

    private String name = "";
    private String email = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }

    String normalisedEmail() {
        return Emails.normalise(email);
    }

    /** The checks the campaign makes again: the aggregate stays the authority, this gives the page its wording. */
    static final class Rules implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return SeedPersonForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            SeedPersonForm form = (SeedPersonForm) target;
            String normalised = form.normalisedEmail();
            if (normalised.isEmpty()) {
                errors.rejectValue("email", "required", "Enter an email address.");
            } else if (!Emails.isValid(normalised)) {
                errors.rejectValue("email", "invalid",
                        "“" + TextRule.visible(form.email.strip()) + "” is not a valid email address.");
            }
            String nameProblem = Refusals.problem(TextRule.PERSON_NAME, form.name);
            if (nameProblem != null) {
                errors.rejectValue("name", "invalid", nameProblem);
            }
        }
    }
}
