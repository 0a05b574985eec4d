package io.vortex.bench.check;

/** W4 latency summary in milliseconds over {@code count} recorded (post-warm-up) events. */
public record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
}
