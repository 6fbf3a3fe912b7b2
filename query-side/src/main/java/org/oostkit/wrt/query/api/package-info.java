/**
 * The read side's published language: queries (sent through Axon's QueryGateway) and the view records
 * that answer them. Every query names the organisation; nothing of another organisation is ever answered.
 */
package org.oostkit.wrt.query.api;
