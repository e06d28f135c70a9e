package org.followthrough.team;

import java.util.List;

/**
 * Paths a module serves without a signed-in member because they carry their own proof (a signed
 * webhook, a signed unsubscribe link). Declare one as a bean; everything else needs sign-in.
 */
public interface PublicPaths {

    /** Ant-style patterns, for example {@code /api/v1/signals}. */
    List<String> patterns();
}
