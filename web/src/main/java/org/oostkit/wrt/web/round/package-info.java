/** The admin's round pages: start, close and extend rounds; the round detail with live counts over SSE. */
package org.oostkit.wrt.web.round;
