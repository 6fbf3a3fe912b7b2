package org.oostkit.wrt.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component (a typed id) naming the person whom the {@link PersonalData} of the same record is
 * about. Each subject has a key of its own within the scope, so one person can be erased from a campaign
 * while everyone else stays readable. Without a subject, the scope's shared key is used.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {
}
