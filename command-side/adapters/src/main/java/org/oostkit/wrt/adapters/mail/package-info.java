/** Mail out: the mail policy fills the outbox, its sender hands each row to SMTP once, requested mails go at once. */
package org.oostkit.wrt.adapters.mail;
