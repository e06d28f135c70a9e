package org.followthrough.common;

/**
 * What a lifecycle move gives back: the thing as it is now, and the event the move is announced with,
 * for the caller to publish once the change is stored.
 */
public record Transition<T, E>(T now, E event) {}
