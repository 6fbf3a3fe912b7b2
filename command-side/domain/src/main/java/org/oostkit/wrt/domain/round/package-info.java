/**
 * The Round aggregate: deadline, reminder and status of one round, with auto-close and reminder as Axon
 * deadlines (persistent, fired once across instances). Rounds are created by the campaign.
 */
package org.oostkit.wrt.domain.round;
