package org.followthrough.cadence.web;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A preview drawn on a day axis: each step a row with its local day and time, and a mark placed
 * along the days the cadence spans (x from 0 to {@link #WIDTH}, the width of the drawing).
 */
record Timeline(String timeZone, List<Row> rows, List<Tick> ticks, int days, String endStage, String endAt) {

    static final int WIDTH = 1000;

    record Row(int n, String label, String channel, String day, String time, String template, int x) {}

    /** A day on the axis; weekends are shaded, since business-day delays skip them. */
    record Tick(int x, int width, String label, boolean labelled, boolean weekend) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    static Timeline of(CadencePreviews.Preview preview) {
        var first = preview.steps().isEmpty()
                ? preview.end().at()
                : preview.steps().get(0).at();
        var origin = first.toLocalDate().atStartOfDay(first.getOffset()).toOffsetDateTime();
        var last = preview.end().at();
        for (var step : preview.steps()) {
            last = step.at().isAfter(last) ? step.at() : last;
        }
        int days = (int) Math.max(1, ChronoUnit.DAYS.between(first.toLocalDate(), last.toLocalDate()) + 1);
        long span = Duration.ofDays(days).toSeconds();
        var rows = new ArrayList<Row>();
        for (var step : preview.steps()) {
            long offset = Duration.between(origin, step.at()).toSeconds();
            rows.add(new Row(
                    step.n(),
                    step.label() == null ? describe(step.channel().name()) : step.label(),
                    step.channel().name(),
                    step.at().format(DAY),
                    step.at().format(TIME),
                    step.template(),
                    (int) Math.min(WIDTH, Math.max(0, offset * WIDTH / span))));
        }
        var end = preview.end();
        return new Timeline(
                preview.timeZone(),
                rows,
                ticks(first.toLocalDate(), days),
                days,
                end.stage(),
                end.at().format(DAY) + ", " + end.at().format(TIME));
    }

    /** One tick a day; about a dozen of them carry the date, so labels never overlap. */
    private static List<Tick> ticks(java.time.LocalDate from, int days) {
        int every = Math.max(1, (int) Math.ceil(days / 12.0));
        var ticks = new ArrayList<Tick>();
        for (int d = 0; d < days; d++) {
            int x = d * WIDTH / days;
            var date = from.plusDays(d);
            var weekend = date.getDayOfWeek().getValue() >= 6;
            // a label too close to the right edge would be cut off
            ticks.add(new Tick(
                    x, (d + 1) * WIDTH / days - x, date.format(TICK), d % every == 0 && x < WIDTH - 70, weekend));
        }
        return ticks;
    }

    private static String describe(String channel) {
        return channel.charAt(0) + channel.substring(1).toLowerCase(Locale.ROOT);
    }
}
