package org.oostkit.wrt.web.scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link CampaignScope} or {@code OrganisationView} parameter: only an admin of the organisation gets
 * it, an auditor is answered 403 (the buttons are hidden from auditors, this is the guard).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminOnly {
}
