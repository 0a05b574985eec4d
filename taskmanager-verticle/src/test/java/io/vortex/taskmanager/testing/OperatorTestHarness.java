package io.vortex.taskmanager.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.internal.KeyGroups;
import io.vortex.api.internal.operators.OneInputOperator;
import io.vortex.api.internal.operators.OperatorContext;
import io.vortex.api.internal.operators.OperatorFactory;
import io.vortex.api.internal.operators.Outbox;
import io.vortex.api.internal.operators.Output;
import io.vortex.api.internal.operators.ProcessingTimeService;
import io.vortex.api.internal.operators.SinkOperator;
import io.vortex.api.internal.operators.StreamOperator;
import io.vortex.api.internal.operators.TwoInputOperator;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.state.KeyedStateBackend;
import io.vortex.state.KeyGroupRange;
import io.vortex.state.heap.HeapKeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Drives one operator without a task, in the spirit of Hazelcast Jet's {@code TestSupport}: the
 * test feeds one element or watermark at a time and asserts on exactly what came out, in order.
 * The harness gives the operator a context with a heap keyed state backend over the whole key
 * group range (for keyed operators), a manual processing-time clock that only the test moves,
 * and counters.
 *
 * <p><b>Against a full outbox.</b> The operator emits into a real {@link Outbox}. With {@link
 * OutboxMode#WITH_ROOM} it always has room; with {@link OutboxMode#REFUSING} it refuses every
 * other piece of a burst ({@link Output#emitBurst}) and every other record of {@link
 * Output#collectOrHold}, as Jet's {@code TestSupport} does, and after
 * every call the harness resumes the held output until none is left, as the task does before it
 * takes more input. An operator must emit exactly the same, in the same order, in both modes, so
 * the operator tests run in both: each test class has a twin that extends it and adds {@link
 * RefusingOutbox}, which makes {@code REFUSING} the default for the harnesses its tests build.
 *
 * <p>How to use it: build with {@link #of(OperatorFactory)} or {@link #of(StreamOperator,
 * boolean)}, configure, {@link #open()}, feed with {@code processElement}/{@code
 * processWatermark}/{@link #setProcessingTime}, end with {@link #endInput()} (the final
 * watermark, then {@code finish}) and {@link #close()}. {@link #take()} returns and clears what
 * was emitted so far.
 *
 * <p>Threading: confined to the test's thread.
 */
public final class OperatorTestHarness {
  /** One thing the operator emitted. */
  public sealed interface Emitted permits Rec, Watermark, Side, Idle {}

  /** A record of the main output. */
  public record Rec(Object value, long timestamp) implements Emitted {}

  /** A watermark. */
  public record Watermark(long watermark) implements Emitted {}

  /** A record of the side output {@code tag}. */
  public record Side(String tag, Object value, long timestamp) implements Emitted {}

  /** An idleness change. */
  public record Idle(boolean idle) implements Emitted {}

  /** Whether the operator's outbox has room for every piece of a burst. */
  public enum OutboxMode {
    /** Always room: a burst goes out at once. */
    WITH_ROOM,
    /** Every other piece of a burst is refused; the harness resumes until nothing is held. */
    REFUSING
  }

  /** The mode of harnesses built on this thread without {@link #outbox}; see {@link RefusingOutbox}. */
  static final ThreadLocal<OutboxMode> DEFAULT_MODE = ThreadLocal.withInitial(() -> OutboxMode.WITH_ROOM);

  /** How many times in a row the harness resumes held output before it calls the operator stuck. */
  private static final int MAX_RESUMES = 100_000_000;

  private final StreamOperator<?> operator;
  private final boolean keyed;
  private final List<Emitted> emitted = new ArrayList<>();
  private final Map<String, Long> counters = new HashMap<>();
  private final Map<String, List<Object>> sentToClient = new HashMap<>();
  private final ManualClock clock = new ManualClock();
  private RuntimeMode mode = RuntimeMode.STREAMING;
  private String name = "operator";
  private int maxParallelism = KeyGroups.DEFAULT_MAX_PARALLELISM;
  private KeyedStateBackend backend;
  private OutboxMode outboxMode = DEFAULT_MODE.get();
  private Outbox<Object> outbox;
  /** Whether the outbox refused the last piece (REFUSING alternates). */
  private boolean refusedLast;
  private long refusals;
  private boolean opened;

  private OperatorTestHarness(StreamOperator<?> operator, boolean keyed) {
    this.operator = Objects.requireNonNull(operator, "operator");
    this.keyed = keyed;
  }

  /** A harness for the operator {@code factory} creates; keyed when its kind is. */
  public static OperatorTestHarness of(OperatorFactory factory) {
    return new OperatorTestHarness(factory.create(), factory.kind().isKeyed());
  }

  /** A harness for {@code operator}; {@code keyed} gives it a keyed state backend. */
  public static OperatorTestHarness of(StreamOperator<?> operator, boolean keyed) {
    return new OperatorTestHarness(operator, keyed);
  }

  public OperatorTestHarness mode(RuntimeMode mode) {
    checkNotOpen();
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** The operator's name (counters are often named after it). */
  public OperatorTestHarness name(String name) {
    checkNotOpen();
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Whether the outbox refuses every other piece of a burst (default: this thread's default). */
  public OperatorTestHarness outbox(OutboxMode mode) {
    checkNotOpen();
    this.outboxMode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  public OperatorTestHarness maxParallelism(int maxParallelism) {
    checkNotOpen();
    this.maxParallelism = maxParallelism;
    return this;
  }

  /** Sets the clock before {@link #open()} (it starts at 0). */
  public OperatorTestHarness startProcessingTime(long now) {
    checkNotOpen();
    clock.now = now;
    return this;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public OperatorTestHarness open() throws Exception {
    checkNotOpen();
    if (keyed) {
      backend = new HeapKeyedStateBackend(new KeyGroupRange(0, maxParallelism - 1));
    }
    outbox = new Outbox<>(new Collecting(), new Outbox.Room() {
      @Override
      public boolean hasRoom() {
        return OperatorTestHarness.this.hasRoom();
      }

      @Override
      public boolean canTakeRecord() {
        return OperatorTestHarness.this.hasRoom(); // REFUSING: every other record is held
      }
    });
    if (operator instanceof SinkOperator<?> sink) {
      sink.open(new TestSinkContext());
    }
    ((StreamOperator) operator).open(new Context(), outbox);
    opened = true;
    drain();
    return this;
  }

  private boolean hasRoom() {
    if (outboxMode == OutboxMode.WITH_ROOM) {
      return true;
    }
    refusedLast = !refusedLast;
    if (refusedLast) {
      refusals++;
    }
    return !refusedLast;
  }

  /** As the task does before it takes more input: resumes held output until none is left. */
  private OperatorTestHarness drain() throws Exception {
    for (int resumes = 0; outbox.isHolding(); resumes++) {
      if (resumes == MAX_RESUMES) {
        throw new IllegalStateException("the operator's held output never drains");
      }
      outbox.resume();
    }
    return this;
  }

  // ---- input ----

  /** A record without a timestamp. */
  public OperatorTestHarness processElement(Object value) throws Exception {
    return processElement(value, Output.NO_TIMESTAMP);
  }

  @SuppressWarnings("unchecked")
  public OperatorTestHarness processElement(Object value, long timestamp) throws Exception {
    checkOpen();
    if (!(operator instanceof OneInputOperator<?, ?> one)) {
      throw new IllegalStateException("use processElement1/2 for a two-input operator");
    }
    ((OneInputOperator<Object, ?>) one).processElement(value, timestamp);
    return drain();
  }

  @SuppressWarnings("unchecked")
  public OperatorTestHarness processElement1(Object value, long timestamp) throws Exception {
    checkOpen();
    ((TwoInputOperator<Object, Object, ?>) operator).processElement1(value, timestamp);
    return drain();
  }

  @SuppressWarnings("unchecked")
  public OperatorTestHarness processElement2(Object value, long timestamp) throws Exception {
    checkOpen();
    ((TwoInputOperator<Object, Object, ?>) operator).processElement2(value, timestamp);
    return drain();
  }

  public OperatorTestHarness processWatermark(long watermark) throws Exception {
    checkOpen();
    operator.processWatermark(watermark);
    return drain();
  }

  /**
   * Moves the clock to {@code now} and, if a requested tick is due, calls {@code
   * onProcessingTime(now)} as the task does (again while the operator asks for due ticks).
   */
  public OperatorTestHarness setProcessingTime(long now) throws Exception {
    checkOpen();
    if (now < clock.now) {
      throw new IllegalArgumentException("the clock only moves forward: " + clock.now + " -> " + now);
    }
    clock.now = now;
    for (int rounds = 0; !clock.ticks.isEmpty() && clock.ticks.first() <= now; rounds++) {
      if (rounds == 1000) {
        throw new IllegalStateException("the operator keeps asking for ticks at or before " + now);
      }
      clock.ticks.headSet(now, true).clear();
      operator.onProcessingTime(now);
      drain();
    }
    return this;
  }

  /** The final watermark, then {@code finish}, which must complete at once. */
  public OperatorTestHarness endInput() throws Exception {
    processWatermark(Long.MAX_VALUE);
    Future<Void> finished = operator.finish();
    if (!finished.isComplete()) {
      throw new IllegalStateException("finish() did not complete at once");
    }
    if (finished.failed()) {
      throw new IllegalStateException("finish() failed", finished.cause());
    }
    return this;
  }

  public void close() throws Exception {
    operator.close();
  }

  // ---- output ----

  /** Everything emitted so far, in order. */
  public List<Emitted> emitted() {
    return List.copyOf(emitted);
  }

  /** Everything emitted so far, in order; forgets it. */
  public List<Emitted> take() {
    List<Emitted> all = List.copyOf(emitted);
    emitted.clear();
    return all;
  }

  /** The main-output records emitted so far. */
  public List<Rec> records() {
    List<Rec> out = new ArrayList<>();
    for (Emitted e : emitted) {
      if (e instanceof Rec r) {
        out.add(r);
      }
    }
    return out;
  }

  /** The values of the main-output records emitted so far. */
  @SuppressWarnings("unchecked")
  public <T> List<T> values() {
    List<T> out = new ArrayList<>();
    for (Rec r : records()) {
      out.add((T) r.value());
    }
    return out;
  }

  public List<Long> watermarks() {
    List<Long> out = new ArrayList<>();
    for (Emitted e : emitted) {
      if (e instanceof Watermark w) {
        out.add(w.watermark());
      }
    }
    return out;
  }

  /** The records of side output {@code tag} emitted so far, as records. */
  public List<Rec> sideOutput(OutputTag<?> tag) {
    List<Rec> out = new ArrayList<>();
    for (Emitted e : emitted) {
      if (e instanceof Side s && s.tag().equals(tag.id())) {
        out.add(new Rec(s.value(), s.timestamp()));
      }
    }
    return out;
  }

  /** What a sink sent to the client as {@code sinkName}, in order. */
  public List<Object> sentToClient(String sinkName) {
    return List.copyOf(sentToClient.getOrDefault(sinkName, List.of()));
  }

  /** A counter's value (0 when never added to). */
  public long counter(String counterName) {
    return counters.getOrDefault(counterName, 0L);
  }

  /** The keyed state backend (null for a non-keyed operator). */
  public KeyedStateBackend backend() {
    return backend;
  }

  public long processingTime() {
    return clock.now;
  }

  /**
   * How many pieces of bursts and records of {@code collectOrHold} the outbox refused so far
   * (always 0 {@link OutboxMode#WITH_ROOM}).
   */
  public long refusals() {
    return refusals;
  }

  /** Ticks the operator asked for and that are not yet due. */
  public List<Long> pendingTicks() {
    return List.copyOf(clock.ticks);
  }

  private void checkOpen() {
    if (!opened) {
      throw new IllegalStateException("open() the harness first");
    }
  }

  private void checkNotOpen() {
    if (opened) {
      throw new IllegalStateException("configure the harness before open()");
    }
  }

  /** The test's clock. Threading: confined to the test's thread. */
  private static final class ManualClock implements ProcessingTimeService {
    long now;
    final TreeSet<Long> ticks = new TreeSet<>();

    @Override
    public long currentTimeMillis() {
      return now;
    }

    @Override
    public void requestTick(long timeMillis) {
      ticks.add(timeMillis);
    }
  }

  /** Records what the operator emits. Threading: confined to the test's thread. */
  private final class Collecting implements Output<Object> {
    @Override
    public void collect(Object value, long timestamp) {
      emitted.add(new Rec(value, timestamp));
    }

    @Override
    public void emitWatermark(long watermark) {
      emitted.add(new Watermark(watermark));
    }

    @Override
    public void emitIdle(boolean idle) {
      emitted.add(new Idle(idle));
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
      emitted.add(new Side(tag.id(), value, timestamp));
    }
  }

  /** A sink's view of its (absent) task: no Vert.x; what it sends to the client is recorded. */
  private final class TestSinkContext implements SinkContext {
    @Override
    public String operatorName() {
      return name;
    }

    @Override
    public int subtaskIndex() {
      return 0;
    }

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public Vertx vertx() {
      throw new UnsupportedOperationException("the operator test harness has no Vert.x");
    }

    @Override
    public void wakeup() {
      // the harness has no runner to wake: it calls the operator when the test says so
    }

    @Override
    public Future<Void> sendToClient(String sinkName, List<?> records) {
      sentToClient.computeIfAbsent(sinkName, k -> new ArrayList<>()).addAll(records);
      return Future.succeededFuture();
    }
  }

  /** The operator's view of its (absent) task. */
  private final class Context implements OperatorContext {
    @Override
    public String operatorName() {
      return name;
    }

    @Override
    public int subtaskIndex() {
      return 0;
    }

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public int maxParallelism() {
      return maxParallelism;
    }

    @Override
    public RuntimeMode mode() {
      return mode;
    }

    @Override
    public KeyedStateBackend stateBackend() {
      return backend;
    }

    @Override
    public ProcessingTimeService processingTime() {
      return clock;
    }

    @Override
    public void addToCounter(String counter, long delta) {
      counters.merge(counter, delta, Long::sum);
    }
  }
}
