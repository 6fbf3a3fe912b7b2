/** One person's story in a campaign, read from the campaign read model's tables. */
package org.oostkit.wrt.query.person;
