package org.oostkit.wrt.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component (a typed id) of an event whose keys protect the event's {@link PersonalData}: the
 * campaign for campaign data, the organisation for organisation data. Destroying every key of a scope
 * (crypto-shredding) erases all personal data of that scope.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface EncryptionScope {
}
