package org.followthrough.prospects;

import java.util.List;

/**
 * The cadences an import may start for its new prospects, by key. The cadences live in a module that
 * itself reads prospects, so the module that knows both provides this.
 */
public interface CadenceKeys {

    List<String> all();
}
