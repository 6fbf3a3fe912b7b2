package org.oostkit.wrt.query.processing;

/** The processing groups of the read side. */
public final class ReadModels {

    /** The tenant read models: campaigns, rounds, people, contacts, nominations. */
    public static final String GROUP = "read-models";

    /** The registry of tenants and the creation of their schemas. */
    public static final String TENANT_REGISTRY = "tenant-registry";

    /** The workshop shortlist, on its own: it neither slows nor depends on the other read models. */
    public static final String SHORTLIST = "shortlist";

    private ReadModels() {
    }
}
