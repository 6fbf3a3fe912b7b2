/**
 * The admins' language: the locale resolver, the {@code ?lang=} switch, the views that word every admin page, and
 * the wording of what the command side says in keys and values (refusals, audit trail summaries).
 */
package org.oostkit.wrt.web.i18n;
