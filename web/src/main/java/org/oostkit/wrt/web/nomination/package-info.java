/**
 * The nominator's pages: the magic link from the invitation mail, the email and code check, and the form
 * to name people. Public routes (no sign-in); after the code a session scoped to one invitation of one
 * round of one organisation. Talks to the command side with the command gateway and reads the nominator's
 * read model through the query gateway.
 */
package org.oostkit.wrt.web.nomination;
