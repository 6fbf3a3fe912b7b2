/** The nominators' languages: message bundles, and the lambda through which templates read them. */
package org.oostkit.wrt.web.i18n;
