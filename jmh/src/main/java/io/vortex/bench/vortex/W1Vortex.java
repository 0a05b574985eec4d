package io.vortex.bench.vortex;

import io.vortex.api.DataStream;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.Params;
import io.vortex.bench.check.Totals;
import io.vortex.bench.check.W1Checksum;
import io.vortex.bench.gen.W1Vocabulary;

/**
 * W1 word count on Vortex. Option {@code w1.mode}:
 * <ul>
 *   <li>{@code batch} (default): BATCH mode, {@code keyBy(word).aggregate(count)}; Vortex
 *       pre-aggregates per source instance before the keyed exchange and emits each word's final
 *       count once at the end of input (like Jet's two-stage {@code aggregate(counting())});</li>
 *   <li>{@code streaming}: STREAMING mode, {@code keyBy(word).process(...)} keeping the count in
 *       keyed {@link ValueState} and registering one event-time timer at {@code Long.MAX_VALUE}
 *       on a key's first record; the timer fires on the final watermark and emits the count
 *       (Flink's {@code flink-stream} variant).</li>
 * </ul>
 */
final class W1Vortex extends VortexWorkload {

  static final String MODE_OPTION = "w1.mode";

  @Override
  String define(StreamEnvironment env, Params p, String runId) {
    String mode = p.option(MODE_OPTION, "batch");
    DataStream<String> words =
        env.fromSource(GeneratorSource.of(p.records(), new Words(runId)), "words");
    DataStream<WordCount> counts;
    switch (mode) {
      case "batch" -> {
        env.setRuntimeMode(RuntimeMode.BATCH);
        counts = words.keyBy(w -> w).aggregate(new CountWords());
      }
      case "streaming" -> {
        env.setRuntimeMode(RuntimeMode.STREAMING);
        counts = words.keyBy(w -> w).process(new CountUntilEnd());
      }
      default -> throw new IllegalArgumentException(
          "unknown " + MODE_OPTION + " '" + mode + "' (batch or streaming)");
    }
    counts.sinkTo(new CountSink(runId)).name("checksum");
    return mode;
  }

  /** A word and its count: the aggregation's accumulator and the job's result record. */
  public static final class WordCount {
    public String word;
    public long count;

    public WordCount() {
    }

    public WordCount(String word, long count) {
      this.word = word;
      this.count = count;
    }
  }

  /** Record i is the i-th word of the Zipf stream (a shared, precomputed String). */
  static final class Words extends TimedGenerator<String> {
    private static final long serialVersionUID = 1L;
    private transient W1Vocabulary vocabulary;

    Words(String runId) {
      super(runId);
    }

    @Override
    String make(long index, long scheduledNanos) {
      W1Vocabulary v = vocabulary;
      if (v == null) {
        v = W1Vocabulary.get();
        vocabulary = v;
      }
      return v.wordOf(index);
    }
  }

  /** Counts a word's records; the accumulator is mutated in place. */
  static final class CountWords implements AggregateFunction<String, WordCount, WordCount> {
    private static final long serialVersionUID = 1L;

    @Override
    public WordCount createAccumulator() {
      return new WordCount();
    }

    @Override
    public WordCount add(String word, WordCount acc) {
      acc.word = word;
      acc.count++;
      return acc;
    }

    @Override
    public WordCount merge(WordCount a, WordCount b) {
      a.count += b.count;
      if (a.word == null) {
        a.word = b.word;
      }
      return a;
    }

    @Override
    public WordCount getResult(WordCount acc) {
      return acc;
    }
  }

  /** Counts in keyed state and emits each word's count once, when the input has ended. */
  static final class CountUntilEnd extends KeyedProcessFunction<String, String, WordCount> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.state().getState(StateDescriptor.value("count"));
    }

    @Override
    public void processElement(String word, Context<String> ctx, Collector<WordCount> out) {
      Long c = count.value();
      if (c == null) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        count.update(1L);
      } else {
        count.update(c + 1);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<WordCount> out) {
      out.collect(new WordCount(ctx.getCurrentKey(), count.value()));
    }
  }

  /** Adds each final (word, count) into the instance's W1 checksum. */
  static final class CountSink extends ChecksumSink<WordCount> {
    private static final long serialVersionUID = 1L;

    CountSink(String runId) {
      super(runId);
    }

    @Override
    ChecksumWriter<WordCount> createWriter(RunReporter run, SinkContext context) {
      return new ChecksumWriter<>(run, context) {
        private final W1Checksum checksum = new W1Checksum();

        @Override
        public void write(WordCount value, long timestamp) {
          checksum.add(value.word, value.count);
        }

        @Override
        Totals totals() {
          return checksum.totals();
        }
      };
    }
  }
}
