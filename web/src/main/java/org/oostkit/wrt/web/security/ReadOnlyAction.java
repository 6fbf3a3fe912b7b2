package org.oostkit.wrt.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an organisation route that takes a POST (or another non-reading method) but changes nothing, such as
 * running the integrity check or asking for an as-of view with a form: auditors may use it like a GET.
 * Without this mark, auditors are refused every non-reading request under {@code /org/{slug}/**}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnlyAction {
}
