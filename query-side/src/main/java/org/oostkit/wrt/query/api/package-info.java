/**
 * The read side's published language: the queries, sent through Axon's QueryGateway, next to the view records
 * that answer them, each naming the organisation it asks within.
 */
package org.oostkit.wrt.query.api;
