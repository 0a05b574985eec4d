package io.vortex.examples;

import io.vortex.api.DataStream;
import io.vortex.api.OutputTag;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobResult;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.source.TextFileSource;
import io.vortex.api.source.TextLine;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import java.io.PrintStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Data-center monitoring: per rack, event-time tumbling windows of 10 s (aligned to the epoch),
 * watermarks 5 s behind the newest reading. Emits {@code windowStartMillis,rackId,count,
 * averageTemperature} for every window and rack with data, and {@code
 * ALERT,windowStartMillis,rackId,averageTemperature} where the average is above 90.0 (averages
 * with 3 decimals, half-up). Readings later than the watermark allows are dropped and counted.
 *
 * <p>Input lines are {@code timestampMillis,rackId,hostId,temperature}. The input is read and
 * stamped by one instance, so which readings are late does not depend on the parallelism.
 */
public final class Monitoring implements Example {
  static final Duration WINDOW = Duration.ofSeconds(10);
  static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
  static final BigDecimal ALERT_ABOVE = new BigDecimal("90.0");
  static final String LATE_COUNTER = "monitoring.late-readings";
  static final OutputTag<Reading> LATE = new OutputTag<>("late-readings", Reading.class); // typed: its records cross TaskManagers with their serializer

  @Override
  public String name() {
    return "monitoring";
  }

  @Override
  public String description() {
    return "windowStart,rack,count,average per 10 s window and rack, ALERT lines above 90.0";
  }

  /** One temperature reading. */
  record Reading(long timestamp, String rack, String host, BigDecimal temperature)
      implements Serializable {}

  /** Count and exact sum of a window's temperatures. */
  record Average(long count, BigDecimal sum) implements Serializable {
    static final Average ZERO = new Average(0, BigDecimal.ZERO);

    BigDecimal value() {
      return sum.divide(BigDecimal.valueOf(count), 3, RoundingMode.HALF_UP);
    }

    boolean above(BigDecimal threshold) {
      return sum.compareTo(threshold.multiply(BigDecimal.valueOf(count))) > 0;
    }
  }

  @Override
  public void build(StreamEnvironment env, String input, String output) {
    DataStream<Reading> readings =
        env.fromSource(TextFileSource.numberedLines(input), "read " + input)
            .setParallelism(1)
            .filter(line -> !Csv.skip(line, "timestampMillis"))
            .setParallelism(1)
            .map(Monitoring::parse)
            .name("parse")
            .setParallelism(1)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Reading>forBoundedOutOfOrderness(MAX_OUT_OF_ORDERNESS)
                    .withTimestampAssigner((r, ts) -> r.timestamp()))
            .setParallelism(1);
    DataStream<String> results =
        readings
            .keyBy(Reading::rack)
            .window(TumblingEventTimeWindows.of(WINDOW))
            .sideOutputLateData(LATE)
            .aggregate(new AverageTemperature(), new FormatWindow())
            .name("average per rack");
    results.getSideOutput(LATE).process(new CountLate()).name("count late readings");
    results.writeAsText(output);
  }

  static Reading parse(TextLine line) {
    String[] f = Csv.fields(line, 4, "timestampMillis,rackId,hostId,temperature");
    return new Reading(
        Csv.parseLong(line, f[0], "timestampMillis"),
        Csv.nonEmpty(line, f[1], "rackId"),
        f[2],
        Csv.parseDecimal(line, f[3], "temperature"));
  }

  @Override
  public void report(JobResult result, PrintStream out) {
    out.println("late readings dropped: " + result.counter(LATE_COUNTER));
  }

  /** Sums exactly, so the average does not depend on the order of additions. */
  static final class AverageTemperature implements AggregateFunction<Reading, Average, Average> {
    private static final long serialVersionUID = 1L;

    @Override
    public Average createAccumulator() {
      return Average.ZERO;
    }

    @Override
    public Average add(Reading r, Average acc) {
      return new Average(acc.count() + 1, acc.sum().add(r.temperature()));
    }

    @Override
    public Average merge(Average a, Average b) {
      return new Average(a.count() + b.count(), a.sum().add(b.sum()));
    }

    @Override
    public Average getResult(Average acc) {
      return acc;
    }
  }

  /** Formats a window's line, and an alert line when the average is above the threshold. */
  static final class FormatWindow extends ProcessWindowFunction<Average, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String rack, Context ctx, Iterable<Average> averages, Collector<String> out) {
      long start = ctx.window().start();
      for (Average avg : averages) {
        out.collect(start + "," + rack + "," + avg.count() + "," + avg.value().toPlainString());
        if (avg.above(ALERT_ABOVE)) {
          out.collect("ALERT," + start + "," + rack + "," + avg.value().toPlainString());
        }
      }
    }
  }

  /** Counts dropped readings into the job's counters. */
  static final class CountLate extends ProcessFunction<Reading, Void> {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext runtime;

    @Override
    public void open(RuntimeContext context) {
      runtime = context;
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<Void> out) {
      runtime.addToCounter(LATE_COUNTER, 1);
    }
  }
}
