/**
 * The campaign views: summary, roster, convergence, statistics and the referral graph, live and as of a
 * moment; their queries. The rows are kept by {@code projection}.
 */
package org.oostkit.wrt.query.campaign;
