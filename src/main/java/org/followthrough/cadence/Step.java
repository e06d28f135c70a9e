package org.followthrough.cadence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.common.Nullable;

/**
 * One step of a cadence: its channel, its timing rule and the template variant it uses. A step may
 * hold two or more {@code variants} (wordings tried against each other); each prospect is given one
 * of them by {@link #wordingFor}, and {@code template} is then the first variant's. {@code review}
 * marks an email step whose draft a rep approves before it goes out.
 */
public record Step(
        int n,
        Channel channel,
        Delay delay,
        Placing placing,
        @Nullable String template,
        List<Wording> variants,
        Boolean review) {

    public Step {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(delay, "delay");
        placing = placing == null ? Placing.EXACT : placing;
        variants = variants == null ? List.of() : List.copyOf(variants);
        review = review != null && review;
        if (!variants.isEmpty() && (template == null || template.isBlank())) {
            template = variants.get(0).template();
        }
    }

    public Step(int n, Channel channel, Delay delay, Placing placing, String template) {
        this(n, channel, delay, placing, template, List.of(), false);
    }

    /** Whether wordings are tried against each other at this step. */
    public boolean hasVariants() {
        return variants.size() > 1;
    }

    /** Whether a rep approves this step's email before it goes out. */
    public boolean reviewed() {
        return Boolean.TRUE.equals(review);
    }

    /**
     * The wording a prospect gets at this step of {@code cadenceKey}: the same one every time for the
     * same prospect and step (a hash of both, never a random draw), the variants sharing the
     * prospects in proportion to their weights. A step without variants has its one template, named
     * null.
     */
    public Wording wordingFor(UUID prospectId, String cadenceKey) {
        if (!hasVariants()) {
            return new Wording(null, template, 1);
        }
        long total = variants.stream().mapToLong(Wording::weight).sum();
        long point = Math.floorMod(bucket(prospectId + "/" + cadenceKey + "/" + n), total);
        for (var wording : variants) {
            point -= wording.weight();
            if (point < 0) {
                return wording;
            }
        }
        return variants.get(variants.size() - 1);
    }

    /** The first eight bytes of the SHA-256 of {@code text}, as a number: evenly spread and stable. */
    static long bucket(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
