package io.vortex.examples;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobResult;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.source.TextFileSource;
import io.vortex.api.source.TextLine;
import io.vortex.api.state.MapState;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.time.WatermarkStrategy;
import java.io.PrintStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fraud detection: per account, in event-time order, a transaction below 1.00 followed — as the
 * account's next transaction — by one above 500.00 within 60 seconds raises an alert {@code
 * accountId,timestampMillis,amount} (of the large transaction).
 *
 * <p>Input lines are {@code timestampMillis,accountId,amount}. Transactions are buffered in
 * keyed state until the watermark passes their time, then examined in timestamp order, ties in
 * input order (files in path order, then line order: files are read in parallel, so arrival
 * order says nothing), so out-of-order input gives the same alerts at every parallelism. By default the watermark only
 * moves at the end of the input, which tolerates any disorder of a bounded input; with a
 * maximum out-of-orderness, alerts come as time passes and transactions later than that are
 * dropped and counted.
 */
public final class FraudDetection implements Example {
  static final BigDecimal SMALL = new BigDecimal("1.00");
  static final BigDecimal LARGE = new BigDecimal("500.00");
  static final long WINDOW_MILLIS = 60_000;
  static final String LATE_COUNTER = "fraud.late-transactions";

  private final Duration maxOutOfOrderness;

  public FraudDetection() {
    this(null);
  }

  /** {@code maxOutOfOrderness} null: watermarks only at the end of input. */
  public FraudDetection(Duration maxOutOfOrderness) {
    this.maxOutOfOrderness = maxOutOfOrderness;
  }

  @Override
  public String name() {
    return "fraud-detection";
  }

  @Override
  public String description() {
    return "accountId,timestampMillis,amount for each small (<1.00) then large (>500.00) transaction within 60 s";
  }

  /**
   * A parsed transaction; {@code amountText} is printed as it was read, {@code file} and {@code
   * line} say where (its place in the input).
   */
  record Transaction(long timestamp, String account, BigDecimal amount, String amountText, String file, long line)
      implements Serializable {}

  /** Input order: files in the order the source reads them (path order), then lines. */
  static final Comparator<Transaction> INPUT_ORDER =
      Comparator.comparing((Transaction t) -> Path.of(t.file())).thenComparingLong(Transaction::line);

  @Override
  public void build(StreamEnvironment env, String input, String output) {
    WatermarkStrategy<Transaction> strategy =
        maxOutOfOrderness == null
            ? WatermarkStrategy.<Transaction>noWatermarks()
            : WatermarkStrategy.<Transaction>forBoundedOutOfOrderness(maxOutOfOrderness);
    env.fromSource(TextFileSource.numberedLines(input), "read " + input)
        .filter(line -> !Csv.skip(line, "timestampMillis"))
        .map(FraudDetection::parse)
        .name("parse")
        .assignTimestampsAndWatermarks(strategy.withTimestampAssigner((t, ts) -> t.timestamp()))
        .keyBy(Transaction::account)
        .process(new SmallThenLarge())
        .name("detect")
        .writeAsText(output);
  }

  static Transaction parse(TextLine line) {
    String[] f = Csv.fields(line, 3, "timestampMillis,accountId,amount");
    long ts = Csv.parseLong(line, f[0], "timestampMillis");
    String account = Csv.nonEmpty(line, f[1], "accountId");
    BigDecimal amount = Csv.parseDecimal(line, f[2], "amount");
    return new Transaction(ts, account, amount, f[2], line.file(), line.lineNumber());
  }

  @Override
  public void report(JobResult result, PrintStream out) {
    long late = result.counter(LATE_COUNTER);
    if (maxOutOfOrderness != null || late > 0) {
      out.println("late transactions dropped: " + late);
    }
  }

  /**
   * Buffers each account's transactions by timestamp and examines them in order when event time
   * passes them; the previous examined transaction is the only other state.
   */
  static final class SmallThenLarge extends KeyedProcessFunction<String, Transaction, String> {
    private static final long serialVersionUID = 1L;
    private transient MapState<Long, List<Transaction>> pending;
    private transient ValueState<Transaction> previous;
    private transient RuntimeContext runtime;

    @Override
    public void open(RuntimeContext context) {
      runtime = context;
      pending = context.state().getState(StateDescriptor.map("pending"));
      previous = context.state().getState(StateDescriptor.value("previous"));
    }

    @Override
    public void processElement(Transaction t, Context<String> ctx, Collector<String> out) {
      long watermark = ctx.timerService().currentWatermark();
      // Long.MIN_VALUE is the earliest time, and before the first watermark nothing is late
      if (watermark != Long.MIN_VALUE && t.timestamp() <= watermark) {
        runtime.addToCounter(LATE_COUNTER, 1); // its turn has passed
        return;
      }
      List<Transaction> atTime = pending.get(t.timestamp());
      if (atTime == null) {
        atTime = new ArrayList<>(1);
        ctx.timerService().registerEventTimeTimer(t.timestamp());
      }
      atTime.add(t);
      pending.put(t.timestamp(), atTime); // put back: a serializing backend keeps copies
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      List<Transaction> atTime = pending.get(timestamp);
      if (atTime == null) {
        return;
      }
      pending.remove(timestamp);
      if (atTime.size() > 1) {
        atTime.sort(INPUT_ORDER); // they arrived in the order the parallel readers got to them
      }
      Transaction last = previous.value();
      for (Transaction t : atTime) {
        if (last != null
            && last.amount().compareTo(SMALL) < 0
            && t.amount().compareTo(LARGE) > 0
            && withinWindow(last.timestamp(), t.timestamp())) {
          out.collect(t.account() + "," + t.timestamp() + "," + t.amountText());
        }
        last = t;
      }
      previous.update(last);
    }

    /**
     * {@code later - earlier <= 60 s} for {@code earlier <= later}, without overflow: their true
     * difference is below 2^64, which is exactly the wrapped difference read as unsigned.
     */
    static boolean withinWindow(long earlier, long later) {
      return Long.compareUnsigned(later - earlier, WINDOW_MILLIS) <= 0;
    }
  }

}
