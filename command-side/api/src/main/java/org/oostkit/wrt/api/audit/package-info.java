/**
 * Auditing: the integrity check of the event store (hash chain) and the audit trail of a campaign. Queries
 * answered by the command side, which owns the event store; the web uses only these records.
 */
package org.oostkit.wrt.api.audit;
