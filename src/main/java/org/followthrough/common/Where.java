package org.followthrough.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A condition (or expression) of SQL with its parameters in order, joined to others with theirs. Values
 * always go in as parameters; the SQL text, column names and joints are written into the statement as
 * they are, so they must be the code's own constants, never text a user or a file sent.
 */
public record Where(String sql, List<Object> params) {

    public Where(String sql, Object... params) {
        this(sql, new ArrayList<>(Arrays.asList(params)));
    }

    /** The column holds one of the values; with no values, a condition nothing meets. */
    public static Where in(String column, Collection<?> values) {
        return values.isEmpty()
                ? new Where("1 = 0")
                : new Where(
                        column + " in (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")",
                        values.toArray());
    }

    public Where and(Where other) {
        return and(other, " and ");
    }

    public Where and(Where other, String joint) {
        var all = new ArrayList<Object>(params);
        all.addAll(other.params);
        return new Where("(" + sql + ")" + joint + "(" + other.sql + ")", all);
    }
}
