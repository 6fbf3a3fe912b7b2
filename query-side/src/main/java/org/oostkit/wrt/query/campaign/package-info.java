/** Campaign read models: summary, roster, convergence and the referral graph; their queries and statistics. */
package org.oostkit.wrt.query.campaign;
