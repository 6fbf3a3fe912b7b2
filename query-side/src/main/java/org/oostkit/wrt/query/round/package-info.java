/**
 * The round queries: round status and contact tracking, one row per invitation with its timeline.
 */
package org.oostkit.wrt.query.round;
