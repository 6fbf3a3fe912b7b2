/**
 * The Nomination aggregate (one per round and nominator) and the policy that brings every nominee into the
 * campaign roster in the same transaction, so the next round never misses anyone.
 */
package org.oostkit.wrt.domain.nomination;
