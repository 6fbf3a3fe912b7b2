/**
 * What the referral network says beyond the ranking: its groups (communities) and the people who connect
 * them, computed with JGraphT from the graph the read model answers; free of Spring and of the database.
 */
package org.oostkit.wrt.query.insight;
