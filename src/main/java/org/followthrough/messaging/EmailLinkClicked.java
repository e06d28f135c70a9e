package org.followthrough.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone followed a link in an email FollowThrough sent. {@code clickId} is unique to this click;
 * {@code emailId} is the outbox row, {@code address} the recipient it went to.
 */
public record EmailLinkClicked(String clickId, UUID emailId, UUID prospectId, String address, String url, Instant at) {}
