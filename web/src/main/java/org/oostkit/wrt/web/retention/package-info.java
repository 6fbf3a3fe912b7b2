/**
 * Retention and erasure: the weekly retention job (warnings 30 and 7 days ahead, then erasure of completed
 * campaigns past their retention period) and the admin pages to erase a campaign or one person on request.
 */
package org.oostkit.wrt.web.retention;
