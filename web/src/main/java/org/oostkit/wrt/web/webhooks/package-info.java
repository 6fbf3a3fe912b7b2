/** Email providers' delivery webhooks in over HTTP, and the operator API for parked inbox rows. */
package org.oostkit.wrt.web.webhooks;
