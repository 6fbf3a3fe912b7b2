package org.oostkit.wrt.query.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read-model event handler whose writes may wait for the end of its batch ({@link ReadModelWrites}).
 * An event type is handled that way only if every handler of it carries this mark; before any other event
 * the batch's waiting writes are made first.
 * <p>
 * A handler may carry it only if everything it writes through {@link ReadModelWrites}'s waiting statements
 * gives the same rows whether it runs now or after the statements of any other marked handler of the same
 * batch, and whatever it writes directly does not depend on waiting rows (for instance: it sets a column no
 * other marked handler sets, or it only keeps the first value of a column, or it inserts a row nobody else
 * writes before it exists).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DefersWrites {
}
