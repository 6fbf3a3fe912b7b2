/**
 * Exports of a campaign's read models for people outside the application: the ranked candidate list as
 * CSV (for spreadsheets) and a PDF report with statistics and charts. Both read through the campaign read
 * model, so they see exactly what the queries answer, and only the organisation's own campaigns.
 */
package org.oostkit.wrt.query.export;
