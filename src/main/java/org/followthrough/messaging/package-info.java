/**
 * Email to prospects: a durable outbox written in the same transaction as the business change that
 * asks for a message, delivered over SMTP when due by one sender at a time across all instances,
 * retried with back-off, checked against opt-outs at send time; iCalendar invitations for
 * appointments; an unsubscribe link on every email to a prospect and RFC 8058 one-click unsubscribe
 * on automated ones; automated email held to the prospect's business hours and the daily caps
 * ({@link org.followthrough.messaging.RecipientPlaces} says where a prospect is); DKIM signing, and
 * a check of what is published in DNS for it (DKIM, SPF, DMARC); the
 * replies mailbox read over IMAP, each message once, with automatic replies told apart, announced as
 * {@link org.followthrough.messaging.ReplyReceived}, and delivery status notifications read as
 * bounces ({@link org.followthrough.messaging.EmailBounced}) and unsubscribe emails as opt-outs.
 * Other modules call {@link org.followthrough.messaging.Outbox} and may veto a send through
 * {@link org.followthrough.messaging.SendPermission}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.followthrough.messaging;
