package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.web.i18n.Refusals;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The "choose for the shortlist" form: the admin's note and the page to go back to; the person is the row's. */
public class ChooseForm {

    private String note = "";
    private String back = "";

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public String getBack() {
        return back;
    }

    public void setBack(String back) {
        this.back = back == null ? "" : back;
    }

    /** The shortlist's own note rule; the campaign checks it again. */
    static final class Rules implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return ChooseForm.class.isAssignableFrom(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            String problem = Refusals.problem(TextRule.SHORTLIST_NOTE, ((ChooseForm) target).note);
            if (problem != null) {
                errors.rejectValue("note", "invalid", problem);
            }
        }
    }
}
