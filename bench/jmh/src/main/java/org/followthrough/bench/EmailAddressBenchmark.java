package org.followthrough.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.followthrough.common.EmailAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Email validation runs once per imported row; this is its cost next to a plain lower-casing. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EmailAddressBenchmark {

    @Param({"Renee.Muller@Example-Industries.co.uk", "not an email@"})
    String text;

    @Benchmark
    public Optional<EmailAddress> parse() {
        return EmailAddress.parse(text);
    }

    @Benchmark
    public String baselineLowerCase() {
        return text.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
