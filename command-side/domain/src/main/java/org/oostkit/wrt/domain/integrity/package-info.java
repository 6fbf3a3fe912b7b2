/**
 * Tamper evidence: each stored event is chained to the previous event of its aggregate by a SHA-256 hash
 * in its metadata ({@link org.oostkit.wrt.domain.integrity.EventHash}), written by WRT's own append
 * statement of the JDBC event store, and verified by walking the store
 * ({@link org.oostkit.wrt.domain.integrity.IntegrityVerifier}).
 */
package org.oostkit.wrt.domain.integrity;
