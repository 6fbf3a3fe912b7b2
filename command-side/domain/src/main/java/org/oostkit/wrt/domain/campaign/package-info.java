/**
 * The Campaign aggregate: settings, the roster of people (seed and nominated) and the single-ask rule.
 * Starting a round happens here, creating the Round and its Invitations in the same unit of work.
 */
package org.oostkit.wrt.domain.campaign;
