/**
 * The Invitation aggregate (one person asked in one round): magic-link token, verification code with expiry
 * and attempt cap, verified nominator, mail outcome and the delivery timeline reported by providers.
 */
package org.oostkit.wrt.domain.invitation;
