/**
 * The campaign queries: summary, roster, ranked convergence, statistics, reasons and the referral graph, live
 * and as of a moment, and the completed campaigns the retention job asks for.
 */
package org.oostkit.wrt.query.campaign;
