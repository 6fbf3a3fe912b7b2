/** Rounds: a deadline-bound wave of invitations, closed by the admin or automatically at the deadline. */
package org.oostkit.wrt.api.round;
