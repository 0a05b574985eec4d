package io.vortex.bench.vortex;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.Params;
import io.vortex.bench.check.Totals;
import io.vortex.bench.check.W2Checksum;
import io.vortex.bench.gen.W2Events;
import java.time.Duration;

/**
 * W2 event-time tumbling windows on Vortex, STREAMING: timestamps from the events, bounded
 * out-of-orderness watermarks (200 ms), {@code keyBy(key)}, 1 s tumbling windows, a sum
 * aggregate with a {@link ProcessWindowFunction} that adds the window start. (Vortex puts a
 * window combiner before the keyed exchange for incremental aggregations of tumbling windows.)
 */
final class W2Vortex extends VortexWorkload {

  @Override
  String define(StreamEnvironment env, Params p, String runId) {
    env.setRuntimeMode(RuntimeMode.STREAMING);
    WatermarkStrategy<Event> watermarks =
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(
                Duration.ofMillis(W2Events.WATERMARK_DELAY_MS))
            .withTimestampAssigner((event, previous) -> event.ts());
    env.fromSource(GeneratorSource.of(p.records(), new Events(runId)), watermarks, "events")
        .keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(W2Events.WINDOW_MS)))
        .aggregate(new SumValues(), new WithWindowStart())
        .sinkTo(new WindowSumSink(runId))
        .name("checksum");
    return "streaming";
  }

  /** Event i of WORKLOADS.md. */
  public record Event(long key, long value, long ts) {
  }

  /** One window result: the sum of a key's values in the window starting at {@code start}. */
  public record WindowSum(long start, long key, long sum) {
  }

  /** A mutable running sum (the aggregation's accumulator). */
  public static final class Sum {
    public long value;
  }

  static final class Events extends TimedGenerator<Event> {
    private static final long serialVersionUID = 1L;

    Events(String runId) {
      super(runId);
    }

    @Override
    Event make(long i, long scheduledNanos) {
      return new Event(W2Events.key(i), W2Events.value(i), W2Events.ts(i));
    }
  }

  static final class SumValues implements AggregateFunction<Event, Sum, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Sum createAccumulator() {
      return new Sum();
    }

    @Override
    public Sum add(Event event, Sum acc) {
      acc.value += event.value();
      return acc;
    }

    @Override
    public Sum merge(Sum a, Sum b) {
      a.value += b.value;
      return a;
    }

    @Override
    public Long getResult(Sum acc) {
      return acc.value;
    }
  }

  static final class WithWindowStart
      extends ProcessWindowFunction<Long, WindowSum, Long, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Long key, Context context, Iterable<Long> sums, Collector<WindowSum> out) {
      long start = context.window().start();
      for (Long sum : sums) {
        out.collect(new WindowSum(start, key, sum));
      }
    }
  }

  static final class WindowSumSink extends ChecksumSink<WindowSum> {
    private static final long serialVersionUID = 1L;

    WindowSumSink(String runId) {
      super(runId);
    }

    @Override
    ChecksumWriter<WindowSum> createWriter(RunReporter run, SinkContext context) {
      return new ChecksumWriter<>(run, context) {
        private final W2Checksum checksum = new W2Checksum();

        @Override
        public void write(WindowSum r, long timestamp) {
          checksum.add(r.start(), r.key(), r.sum());
        }

        @Override
        Totals totals() {
          return checksum.totals();
        }
      };
    }
  }
}
