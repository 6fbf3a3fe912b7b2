/**
 * The way in at {@code /}: where a signed-in admin or auditor goes next (no organisation, an inactive one,
 * the landing page, a chooser, or straight to the organisation).
 */
package org.oostkit.wrt.web.entry;
