/** The Organisation aggregate and the slug/status lookup the other aggregates consult. */
package org.oostkit.wrt.domain.organisation;
