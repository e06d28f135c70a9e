package org.followthrough.prospects;

/**
 * Where an import stands: {@link #RUNNING} from the upload until the whole file is read and stored,
 * then {@link #DONE}, or {@link #FAILED} with why (the file could not be read, the server stopped
 * meanwhile); a finished import never runs again, the same file is imported anew instead.
 */
public enum ImportState {
    RUNNING,
    DONE,
    FAILED
}
