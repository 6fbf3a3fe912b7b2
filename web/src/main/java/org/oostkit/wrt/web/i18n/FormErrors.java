package org.oostkit.wrt.web.i18n;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bound form's field errors as the pages show them: field name → its first message, already in the admin's words. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Field name → first message, in the order the rules found them. */
    public static Map<String, String> of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        return errors;
    }
}
