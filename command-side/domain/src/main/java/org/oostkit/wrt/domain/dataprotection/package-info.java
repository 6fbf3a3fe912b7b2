/**
 * Crypto-shredding: personal data in events is encrypted with per-campaign, per-person keys kept outside the
 * event store. Destroying keys erases the data wherever events are read, while the history stays intact.
 */
package org.oostkit.wrt.domain.dataprotection;
