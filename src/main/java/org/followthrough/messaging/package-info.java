/**
 * Email to prospects: a durable outbox written in the same transaction as the business change that
 * asks for a message, delivered over SMTP when due by one sender at a time across all instances,
 * retried with back-off, checked against opt-outs at send time; iCalendar invitations for
 * appointments; one-click unsubscribe; the replies mailbox read over IMAP, each message once, with
 * automatic replies told apart, announced as {@link org.followthrough.messaging.ReplyReceived}.
 * Other modules call {@link org.followthrough.messaging.Outbox} and may veto a send through
 * {@link org.followthrough.messaging.SendPermission}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.followthrough.messaging;
