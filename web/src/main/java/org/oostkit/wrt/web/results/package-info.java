/**
 * The results of a campaign: the ranked convergence list with filters, statistics, server-side SVG charts
 * (new names per round, distribution of nomination counts, referral network) and the CSV and PDF exports.
 */
package org.oostkit.wrt.web.results;
