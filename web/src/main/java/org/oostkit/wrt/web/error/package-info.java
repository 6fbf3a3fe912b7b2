/**
 * How WRT answers when something goes wrong: HTML error pages for people, {@code application/problem+json}
 * for API clients; never a stack trace.
 */
package org.oostkit.wrt.web.error;
