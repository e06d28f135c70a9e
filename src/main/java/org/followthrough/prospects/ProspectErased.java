package org.followthrough.prospects;

import java.util.UUID;

/**
 * A person was erased. Published inside the erasing transaction, before their row goes: every module
 * that keeps anything about them deletes it in a synchronous listener, so the erasure is all or nothing.
 */
public record ProspectErased(UUID prospectId) {}
