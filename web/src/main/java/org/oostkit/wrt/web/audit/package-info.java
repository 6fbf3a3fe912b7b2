/**
 * Auditors' pages and tools: the audit trail of a campaign (with CSV export), the results as of a past
 * instant, the integrity check (page, operator API and command line).
 */
package org.oostkit.wrt.web.audit;
