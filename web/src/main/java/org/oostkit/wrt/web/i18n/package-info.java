/** The admins' language: the locale resolver, the {@code ?lang=} switch and the views that word every admin page. */
package org.oostkit.wrt.web.i18n;
