package org.followthrough.team;

import java.util.UUID;

/**
 * A member can no longer sign in. Published inside the deactivating transaction, so whoever keeps work
 * in their name hands it on in the same transaction: to {@code successorId} when the administrator named
 * one, else as that module sees fit (prospects go round the active reps). {@code by} is the administrator.
 */
public record MemberDeactivated(UUID memberId, UUID successorId, UUID by) {}
