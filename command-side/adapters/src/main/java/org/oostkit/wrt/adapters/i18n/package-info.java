/** The nominators' languages: message bundles, and the lambda through which templates read them. */
package org.oostkit.wrt.adapters.i18n;
