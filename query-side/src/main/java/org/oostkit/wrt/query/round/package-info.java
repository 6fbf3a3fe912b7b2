/** The round views: round status and contact tracking (one row per invitation with its timeline); their queries. */
package org.oostkit.wrt.query.round;
