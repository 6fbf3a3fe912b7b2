/**
 * Axon on PostgreSQL: serializers (Jackson with crypto-shredding), metadata (actor, tenant, correlation),
 * command retries, processor wiring of the command side, and the secrets configuration.
 */
package org.oostkit.wrt.domain.infrastructure;
