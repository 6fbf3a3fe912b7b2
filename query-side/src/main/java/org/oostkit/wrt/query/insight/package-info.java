/**
 * The network insight query: groups of the referral graph and the people who bridge them, computed free of
 * Spring and of the database.
 */
package org.oostkit.wrt.query.insight;
