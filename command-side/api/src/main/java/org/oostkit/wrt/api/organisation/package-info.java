/** Organisations (tenants): registration, access lists and status. */
package org.oostkit.wrt.api.organisation;
