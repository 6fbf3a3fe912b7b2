/**
 * The query for one person's story in a campaign.
 */
package org.oostkit.wrt.query.person;
