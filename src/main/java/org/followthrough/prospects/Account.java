package org.followthrough.prospects;

import java.util.UUID;

/** A company being sold to. */
public record Account(UUID id, String name, String domain, String industry, String country) {}
