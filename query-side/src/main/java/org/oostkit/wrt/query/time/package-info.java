/**
 * Local time: the zone an organisation's or campaign's times are stated in, and the one formatter that states
 * them in pages, mails, the PDF and the CSV.
 */
package org.oostkit.wrt.query.time;
