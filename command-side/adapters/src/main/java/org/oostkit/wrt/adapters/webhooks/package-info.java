/** Providers' delivery reports: authenticated, parsed, kept in the webhook inbox and applied as commands by workers. */
package org.oostkit.wrt.adapters.webhooks;
