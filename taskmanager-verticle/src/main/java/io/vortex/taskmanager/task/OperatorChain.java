package io.vortex.taskmanager.task;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vortex.api.RuntimeMode;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.internal.UserCode;
import io.vortex.api.internal.operators.OneInputOperator;
import io.vortex.api.internal.operators.OperatorContext;
import io.vortex.api.internal.operators.OperatorFactory;
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
import java.util.List;
import java.util.function.Function;

/**
 * The operators of one task, wired to call each other directly, ending in the task's writers.
 * Opens them tail first (so each operator's output is ready), finishes them head first.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class OperatorChain {
  private final List<StreamOperator<?>> operators = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<SinkOperator<?>> sinks = new ArrayList<>();
  private final List<String> sinkNames = new ArrayList<>();
  private final TaskOutput tail;
  private final ChainOutboxes outboxes;
  private final ChainEntry entry;

  /** Builds the chain of {@code specs} (a source vertex passes its specs without the source). */
  OperatorChain(List<OperatorSpec> specs, TaskOutput tail, TaskServices services) throws Exception {
    this.tail = tail;
    this.outboxes = new ChainOutboxes(() -> !tail.isFull() && sinksReady());
    tail.whenFull(outboxes::downstreamFull);
    List<OperatorFactory> factories = new ArrayList<>();
    for (OperatorSpec spec : specs) {
      factories.add(UserCode.deserialize(spec.factory(), services.classLoader()));
      names.add(spec.name());
    }
    for (OperatorFactory f : factories) {
      operators.add(f.create());
    }
    List<Output<Object>> outputs = new ArrayList<>();
    for (int i = 0; i < operators.size(); i++) {
      Output<Object> own = tail.of(i);
      outputs.add(outboxes.add(names.get(i), i + 1 < operators.size() ? chainTo(i + 1, own) : own));
    }
    for (int i = operators.size() - 1; i >= 0; i--) {
      try {
        open(i, factories.get(i), outputs.get(i), services);
      } catch (Exception | Error e) {
        closeFrom(i); // nothing may stay behind (a sink's in-progress file) when the task never starts
        throw e;
      }
    }
    entry = operators.isEmpty() ? new TailEntry() : new HeadEntry();
  }

  @SuppressWarnings("unchecked")
  private Output<Object> chainTo(int index, Output<Object> sideOutputs) {
    if (!(operators.get(index) instanceof OneInputOperator<?, ?> next)) {
      throw new IllegalArgumentException(names.get(index) + " cannot be chained: it has two inputs");
    }
    return new ChainingOutput((OneInputOperator<Object, ?>) next, names.get(index), sideOutputs);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void open(int i, OperatorFactory factory, Output<Object> output, TaskServices services)
      throws Exception {
    StreamOperator op = operators.get(i);
    String name = names.get(i);
    KeyedStateBackend backend =
        factory.kind().isKeyed()
            ? new HeapKeyedStateBackend(
                KeyGroupRange.of(services.subtask(), services.maxParallelism(), services.parallelism()))
            : null;
    try {
      if (op instanceof SinkOperator<?> sink) {
        sink.open(sinkContext(name, services));
        sink.whenNotReady(outboxes::downstreamFull);
        sinks.add(sink);
        sinkNames.add(name);
      }
      op.open(operatorContext(name, backend, services), output);
    } catch (Exception | Error e) {
      throw OperatorException.wrap(name, e);
    }
  }

  private static OperatorContext operatorContext(
      String name, KeyedStateBackend backend, TaskServices services) {
    return new OperatorContext() {
      @Override
      public String operatorName() {
        return name;
      }

      @Override
      public int subtaskIndex() {
        return services.subtask();
      }

      @Override
      public int parallelism() {
        return services.parallelism();
      }

      @Override
      public int maxParallelism() {
        return services.maxParallelism();
      }

      @Override
      public RuntimeMode mode() {
        return services.mode();
      }

      @Override
      public KeyedStateBackend stateBackend() {
        return backend;
      }

      @Override
      public ProcessingTimeService processingTime() {
        return services.clock();
      }

      @Override
      public void addToCounter(String counter, long delta) {
        services.counters().merge(counter, delta, Long::sum);
      }
    };
  }

  private static SinkContext sinkContext(String name, TaskServices services) {
    return new SinkContext() {
      @Override
      public String operatorName() {
        return name;
      }

      @Override
      public int subtaskIndex() {
        return services.subtask();
      }

      @Override
      public int parallelism() {
        return services.parallelism();
      }

      @Override
      public Vertx vertx() {
        return services.vertx();
      }

      @Override
      public void wakeup() {
        services.wakeup().run();
      }

      @Override
      public Future<Void> sendToClient(String sinkName, List<?> records) {
        return services.client().send(sinkName, services.subtask(), records);
      }

      @Override
      public void closing(Future<?> done) {
        services.closing().add(done);
      }
    };
  }

  ChainEntry entry() {
    return entry;
  }

  /**
   * Starts a task step in which bursts may emit up to {@code pieces} pieces; looks at the writers
   * (call after they checked their channels) and sinks again; throws a sink's write error.
   */
  void startStep(int pieces) {
    outboxes.startStep(pieces);
  }

  /** True while an operator holds output that must go out before the chain takes input. */
  boolean isHoldingOutput() {
    return outboxes.isHolding();
  }

  /**
   * True when the chain must take no input now (held output, a full writer, a sink that cannot
   * take more): a field read, made per record; {@link #startStep} looks at writers and sinks again.
   */
  boolean isBlocked() {
    return outboxes.isBlocked();
  }

  /** True when the last {@link #resumeHeldOutput} stopped for the step's budget, not for room. */
  boolean isStepBudgetSpent() {
    return outboxes.isBudgetSpent();
  }

  /** Emits held output while there is room; true when none is held any more. */
  boolean resumeHeldOutput() {
    return outboxes.resume();
  }

  /** The head operator's name, or null for a source-only chain. */
  String headName() {
    return names.isEmpty() ? null : names.get(0);
  }

  /** True when every sink of the chain can take more records; throws a sink's write error. */
  boolean sinksReady() {
    for (int i = 0; i < sinks.size(); i++) {
      try {
        if (!sinks.get(i).isReady()) {
          return false;
        }
      } catch (Exception | Error e) {
        throw OperatorException.wrap(sinkNames.get(i), e);
      }
    }
    return true;
  }

  void onProcessingTime(long now) {
    for (int i = 0; i < operators.size(); i++) {
      try {
        operators.get(i).onProcessingTime(now);
      } catch (Exception | Error e) {
        throw OperatorException.wrap(names.get(i), e);
      }
    }
  }

  /** Finishes the operators head first; completes when all have. */
  Future<Void> finish() {
    return headFirst(StreamOperator::finish);
  }

  /** Commits the operators head first; completes when all have. */
  Future<Void> commit() {
    return headFirst(StreamOperator::commit);
  }

  /** Runs {@code step} on each operator after the previous one's future completed. */
  private Future<Void> headFirst(Function<StreamOperator<?>, Future<Void>> step) {
    Future<Void> done = Future.succeededFuture();
    for (int i = 0; i < operators.size(); i++) {
      StreamOperator<?> op = operators.get(i);
      String name = names.get(i);
      done = done.compose(v -> {
        try {
          return step.apply(op).recover(e -> Future.failedFuture(OperatorException.wrap(name, e)));
        } catch (RuntimeException | Error e) {
          return Future.failedFuture(OperatorException.wrap(name, e));
        }
      });
    }
    return done;
  }

  /** Closes every operator; the first failure is thrown after all were tried. */
  void close() {
    RuntimeException first = closeFrom(0);
    if (first != null) {
      throw first;
    }
  }

  /**
   * Closes the operators from {@code start} to the tail (opened tail first, so these are the opened
   * ones, and the one whose open failed, which may hold what it acquired); returns the first failure.
   */
  private RuntimeException closeFrom(int start) {
    RuntimeException first = null;
    for (int i = start; i < operators.size(); i++) {
      try {
        operators.get(i).close();
      } catch (Exception | Error e) {
        if (first == null) {
          first = OperatorException.wrap(names.get(i), e);
        }
      }
    }
    return first;
  }

  /** Input straight into the head operator. */
  private final class HeadEntry implements ChainEntry {
    private final StreamOperator<?> head = operators.get(0);
    private final String name = names.get(0);
    @SuppressWarnings("unchecked")
    private final OneInputOperator<Object, ?> oneInput =
        head instanceof OneInputOperator<?, ?> o ? (OneInputOperator<Object, ?>) o : null;
    @SuppressWarnings("unchecked")
    private final TwoInputOperator<Object, Object, ?> twoInput =
        head instanceof TwoInputOperator<?, ?, ?> t ? (TwoInputOperator<Object, Object, ?>) t : null;

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
      try {
        if (oneInput != null) {
          oneInput.processElement(value, timestamp);
        } else if (input == 0) {
          twoInput.processElement1(value, timestamp);
        } else {
          twoInput.processElement2(value, timestamp);
        }
      } catch (Exception | Error e) {
        throw OperatorException.wrap(name, e);
      }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
      try {
        head.processWatermark(watermark);
      } catch (Exception | Error e) {
        throw OperatorException.wrap(name, e);
      }
    }

    @Override
    public void processIdle(boolean idle) {
      tail.emitIdle(idle);
    }

    @Override
    public boolean isBlocked() {
      return OperatorChain.this.isBlocked();
    }
  }

  /** A source-only chain: records go straight to the writers. */
  private final class TailEntry implements ChainEntry {
    @Override
    public void processElement(int input, Object value, long timestamp) {
      tail.collect(value, timestamp);
    }

    @Override
    public void processWatermark(long watermark) {
      tail.emitWatermark(watermark);
    }

    @Override
    public void processIdle(boolean idle) {
      tail.emitIdle(idle);
    }

    @Override
    public boolean isBlocked() {
      return OperatorChain.this.isBlocked();
    }
  }
}
