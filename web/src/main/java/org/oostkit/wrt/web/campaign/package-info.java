/**
 * The admin's campaign pages: the organisation dashboard ({@code /org/{slug}/manage}), creating, editing and
 * completing a campaign, and the seed group (CSV import with preview and confirmation, manual add and
 * remove). {@link org.oostkit.wrt.web.campaign.AdminPages} is the frame the round and results pages share.
 */
package org.oostkit.wrt.web.campaign;
