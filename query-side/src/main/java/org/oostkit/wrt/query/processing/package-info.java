/**
 * How events reach the read models: the event handlers that apply the projection rules, the processors'
 * configuration, batches written at commit, sequencing per campaign, dead letters, wake-ups and live view updates.
 */
package org.oostkit.wrt.query.processing;
