/** Liveness and readiness endpoints for load balancers and orchestrators. */
package org.oostkit.wrt.web.health;
