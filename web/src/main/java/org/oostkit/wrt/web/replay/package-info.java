/**
 * Replay of the read models for operators: {@code POST /api/operator/replay}, progress at
 * {@code GET /api/operator/replay/{id}} (JSON, or an HTML page refreshing itself), and the
 * {@code replay} command line.
 */
package org.oostkit.wrt.web.replay;
