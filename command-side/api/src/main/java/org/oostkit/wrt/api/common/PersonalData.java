package org.oostkit.wrt.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} or {@code List<String>} component of a message as personal data (a name, an email
 * address, a free-text reason). The event serializer encrypts it with the key of the enclosing
 * {@link EncryptionScope} and nearest {@link DataSubject}; destroying that key erases the value everywhere
 * the event is read, without rewriting history. A value whose key is gone reads as {@link #ERASED}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What an erased value reads as. */
    String ERASED = "[erased]";
}
