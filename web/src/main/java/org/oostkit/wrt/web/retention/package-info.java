/** The admin pages to erase a campaign or one person on request (the retention job is in the adapters module). */
package org.oostkit.wrt.web.retention;
