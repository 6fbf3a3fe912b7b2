/**
 * The audit trail: a campaign's events read from the event store alone (through the event store's campaign
 * column, see db/migration V1_6), decrypted while the campaign's keys exist, each with time, actor, type
 * and a readable summary.
 */
package org.oostkit.wrt.domain.audit;
