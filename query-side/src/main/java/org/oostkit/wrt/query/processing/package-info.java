/**
 * How the read side's event processors run, with Axon's own parts where they fit: pooled streaming processors
 * ({@link org.oostkit.wrt.query.processing.ReadSideConfiguration}), sequenced per campaign through the api's
 * typed {@code CampaignEvent}, batches whose changes are written at commit
 * ({@link org.oostkit.wrt.query.processing.BatchTables}), failures isolated into Axon's JDBC dead-letter
 * queue ({@link org.oostkit.wrt.query.processing.IsolatedFailures}), and processors woken when events arrive
 * ({@link org.oostkit.wrt.query.processing.EventArrivals}).
 */
package org.oostkit.wrt.query.processing;
