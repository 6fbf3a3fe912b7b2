/**
 * The operator's tools: the JSON operator API under {@code /api/operator/**} (bearer key) and the same
 * organisation operations on the command line ({@code java -jar wrt.jar org …}).
 */
package org.oostkit.wrt.web.operator;
