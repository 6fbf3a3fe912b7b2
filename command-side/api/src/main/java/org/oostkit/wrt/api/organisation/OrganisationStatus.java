package org.oostkit.wrt.api.organisation;

/** Whether an organisation may run campaigns. Only {@link #ACTIVE} organisations start rounds or send mail. */
public enum OrganisationStatus {
    ACTIVE, INACTIVE, SUSPENDED
}
