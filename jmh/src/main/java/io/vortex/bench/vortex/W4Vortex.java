package io.vortex.bench.vortex;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.check.LatencyRecorder;
import io.vortex.bench.check.Totals;
import io.vortex.bench.check.W4Checksum;
import io.vortex.bench.gen.W4Events;

/**
 * W4 latency on Vortex, STREAMING with default settings (buffer timeout, batch size): a
 * rate-limited {@link GeneratorSource} (R events/s over all instances; the event carries its
 * scheduled time as {@code due}), {@code keyBy(key)}, a per-key counter in keyed state emitting
 * {@code (key, count, due)}, and a sink measuring {@code nanoTime() - due} for events due at
 * least W seconds after the earliest source start. Unpaced ({@code --unpaced}) the source runs
 * flat out and only the checksum is meaningful.
 */
final class W4Vortex extends VortexWorkload {

  @Override
  String define(StreamEnvironment env, Params p, String runId) {
    env.setRuntimeMode(RuntimeMode.STREAMING);
    GeneratorSource<Event> source = GeneratorSource.of(p.records(), new Events(runId));
    if (p.paced()) {
      source = source.withRate(p.rate());
    }
    env.fromSource(source, "events")
        .keyBy(Event::key)
        .process(new CountPerKey())
        .sinkTo(new LatencySink(runId, p.warmupSeconds() * 1_000_000_000L))
        .name("latency");
    return p.paced() ? "paced" : "unpaced";
  }

  @Override
  RunResult complete(RunResult result, Params p, LatencyRecorder latency) {
    return p.paced()
        ? result.withLatency(latency.latency())
        : result.withExtra("paced", false);
  }

  /** Event i: its key and the time it was due at the source. */
  public record Event(long key, long due) {
  }

  /** The counter's output: the key's count so far and the event's due time. */
  public record Count(long key, long count, long due) {
  }

  static final class Events extends TimedGenerator<Event> {
    private static final long serialVersionUID = 1L;

    Events(String runId) {
      super(runId);
    }

    @Override
    Event make(long i, long scheduledNanos) {
      return new Event(W4Events.key(i), scheduledNanos);
    }
  }

  static final class CountPerKey extends KeyedProcessFunction<Long, Event, Count> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.state().getState(StateDescriptor.value("count"));
    }

    @Override
    public void processElement(Event event, Context<Long> ctx, Collector<Count> out) {
      Long c = count.value();
      long next = c == null ? 1 : c + 1;
      count.update(next);
      out.collect(new Count(event.key(), next, event.due()));
    }
  }

  /**
   * Records {@code nanoTime() - due} of events due at or after {@code min(t0_s) + W}. The
   * earliest source start is read from the run's timer at each record: every source instance
   * reports its start before its first event, and all of them started long before the end of
   * the warm-up, so the comparison is exact where it matters. (Across processes the earliest
   * start known is that of the sources in the sink's own TaskManager; with one slot per
   * TaskManager the instances start within milliseconds of each other, a shift of the warm-up
   * end only, not of any latency.) Warm-up events go through the same
   * recording code (see {@link LatencyRecorder}), so the warm-up's end causes no JIT stall.
   */
  static final class LatencySink extends ChecksumSink<Count> {
    private static final long serialVersionUID = 1L;
    private final long warmupNanos;

    LatencySink(String runId, long warmupNanos) {
      super(runId);
      this.warmupNanos = warmupNanos;
    }

    @Override
    ChecksumWriter<Count> createWriter(RunReporter run, SinkContext context) {
      return new ChecksumWriter<>(run, context) {
        private final W4Checksum checksum = new W4Checksum();
        // The warm-up end is passed per record (it depends on the sources' start).
        private final LatencyRecorder latency = new LatencyRecorder(Long.MAX_VALUE);

        @Override
        public void write(Count c, long timestamp) {
          long now = System.nanoTime();
          checksum.add(c.count());
          latency.record(c.due(), now, run.firstStartNanos() + warmupNanos);
        }

        @Override
        Totals totals() {
          return checksum.totals();
        }

        @Override
        LatencyRecorder latency() {
          return latency;
        }
      };
    }
  }
}
