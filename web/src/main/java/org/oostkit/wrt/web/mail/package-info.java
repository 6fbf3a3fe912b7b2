/** Mail pages: the dev mailbox and the organisation's mail problems (the mail itself is in the adapters module). */
package org.oostkit.wrt.web.mail;
