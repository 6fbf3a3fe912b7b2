/** Mail out (templates, SMTP, outbox, mail policy) and delivery events in. */
package org.oostkit.wrt.web.mail;
