package org.followthrough.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids for rows created in bulk (prospects, accounts): UUID version 7, whose leading bits are the
 * creation time, so a million new rows append to their indexes instead of touching random pages. They
 * are still unguessable enough for ids (74 random bits) and never used as secrets.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
