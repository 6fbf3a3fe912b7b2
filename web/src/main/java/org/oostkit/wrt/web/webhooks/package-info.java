/**
 * Email providers' delivery webhooks in: {@code POST /webhooks/email/postmark} and
 * {@code /webhooks/email/sendgrid}. Each request is authenticated on its raw bytes before anything is
 * parsed (Postmark: HTTP basic credentials; SendGrid: the signed event webhook, ECDSA P-256), and each
 * record becomes a {@code RecordDelivery} command on its invitation, sent as actor {@code webhook:<provider>}.
 * The Invitation aggregate drops provider events it has seen, so providers may retry freely.
 */
package org.oostkit.wrt.web.webhooks;
