/**
 * Exports of a campaign's views for people outside the application (ranked list and shortlist as CSV, the PDF
 * report), read through the same queries as the pages.
 */
package org.oostkit.wrt.query.export;
