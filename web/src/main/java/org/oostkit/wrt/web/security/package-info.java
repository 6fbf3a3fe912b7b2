/**
 * Who may do what: sign-in (standalone links or Portal cookie), per-organisation roles, security headers
 * and rate limits.
 */
package org.oostkit.wrt.web.security;
