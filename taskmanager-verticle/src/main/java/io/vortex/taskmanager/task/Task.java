package io.vortex.taskmanager.task;

import io.vertx.core.Future;
import io.vortex.cluster.ControlMessage.Failure;
import io.vortex.cluster.TaskState;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.RecordWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * One parallel instance of a vertex: input (gate or source), operator chain, record writers. A
 * step function: {@link #runOnce} processes a bounded amount of input and returns, so a slot's
 * tasks share one event loop fairly and the step can be tested without Vert.x.
 *
 * <p>How a task ends: input ends (the final watermark has gone through the chain), the chain
 * finishes (sinks flush, possibly asynchronously), every writer sends end-of-partition, then the
 * task reports FINISHED and keeps its operators open until the job commits ({@link #commit}:
 * sinks make their output visible) or is given up ({@link #abort}: uncommitted output is
 * discarded). Any exception fails the task, naming the operator.
 *
 * <p>Threading: confined to its slot's event loop.
 */
public final class Task {
  /** Where the task is in its life. */
  private enum Phase {
    RUNNING,
    FINISHING,
    FINISHED,
    FAILED,
    CANCELED
  }

  /** Hears about state changes. Called on the task's thread. */
  @FunctionalInterface
  public interface Listener {
    void stateChanged(Task task, TaskState state, Failure failure, Map<String, Long> counters);
  }

  private final TaskId id;
  private final String name;
  private final TaskInput input;
  private final OperatorChain chain;
  private final RecordWriter[] writers;
  private final TaskClock clock;
  private final Map<String, Long> counters;
  private final Listener listener;
  private final long bufferTimeoutNanos;
  /**
   * How long partly filled batches may wait for input due soon before a flush sends them
   * anyway: 0 unless the task sends to another process. See {@link #flushWhenIdle()}.
   */
  private final long networkFlushHoldNanos;
  private long lastFlushNanos = System.nanoTime();
  private boolean unflushed;
  private Phase phase = Phase.RUNNING;
  private boolean closed;
  /** The last step ended blocked (held output, a full writer): only capacity (a wakeup) or a tick helps. */
  private boolean blockedOnOutput;
  /** The input has ended but output the final watermark fired is still held. */
  private boolean inputEnded;
  private boolean inputClosed;
  private Runnable wakeup = () -> {};

  Task(
      TaskId id,
      String name,
      TaskInput input,
      OperatorChain chain,
      List<RecordWriter> writers,
      TaskClock clock,
      Map<String, Long> counters,
      long bufferTimeoutMillis,
      Listener listener) {
    this.id = id;
    this.name = name;
    this.input = input;
    this.chain = chain;
    this.writers = writers.toArray(new RecordWriter[0]);
    this.clock = clock;
    this.counters = counters;
    this.bufferTimeoutNanos = bufferTimeoutMillis * 1_000_000L;
    this.networkFlushHoldNanos = networkFlushHold(this.writers, bufferTimeoutNanos);
    this.listener = listener;
  }

  public TaskId id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** Sets what wakes the task's runner (data, capacity, async completions). */
  void setWakeup(Runnable wakeup) {
    this.wakeup = wakeup;
  }

  /**
   * Processes up to about {@code maxRecords} input records. Held output (a burst an operator
   * could not emit at once) goes out first; the task takes input only when none is left and its
   * writers have room, and stops in the middle of its input when they fill up. The newest
   * watermark the step emitted goes out once at its end, after the step's records.
   */
  public Progress runOnce(int maxRecords) {
    if (phase != Phase.RUNNING) {
      return phase == Phase.FINISHING ? Progress.NO_PROGRESS : Progress.DONE;
    }
    try {
      Progress progress = step(maxRecords);
      for (RecordWriter w : writers) {
        w.sendPendingWatermark();
      }
      blockedOnOutput = chain.isBlocked();
      return progress;
    } catch (Throwable e) {
      fail(e);
      return Progress.DONE;
    }
  }

  private Progress step(int maxRecords) throws Exception {
    boolean writersFree = writersAvailable();
    chain.startStep(maxRecords);
    if (chain.isHoldingOutput()) {
      if (!writersFree) {
        flush();
        return Progress.NO_PROGRESS;
      }
      unflushed = true;
      if (!chain.resumeHeldOutput()) {
        flush();
        // out of budget: go on next step; out of room: wait for capacity (a wakeup)
        return chain.isStepBudgetSpent() ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
      }
    }
    if (inputEnded) {
      startFinishing(); // the output held at the end of input has gone out
      return Progress.MADE_PROGRESS;
    }
    boolean ticked = clock.fireDue(chain);
    if (chain.isBlocked()) {
      flush();
      return ticked ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
    }
    InputGate.Status status = input.read(chain.entry(), maxRecords);
    unflushed = true;
    switch (status) {
      case MORE_AVAILABLE -> {
        if (bufferTimeoutNanos >= 0 && System.nanoTime() - lastFlushNanos > bufferTimeoutNanos) {
          flush();
        }
        return Progress.MADE_PROGRESS;
      }
      case NOTHING_AVAILABLE -> {
        flushWhenIdle(); // nothing more ready: send what we have now (low latency by default)
        return ticked ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
      }
      default -> {
        if (chain.isHoldingOutput()) {
          inputEnded = true; // finish once the held output has gone out
        } else {
          startFinishing();
        }
        return Progress.MADE_PROGRESS;
      }
    }
  }

  /** Nanoseconds until the task has something to do without a wakeup; -1 when it must wait for one. */
  public long nanosUntilReady() {
    if (phase != Phase.RUNNING) {
      return -1;
    }
    long tick = clock.nanosUntilNextTick();
    long source = blockedOnOutput ? -1 : input.nanosUntilAvailable();
    return sooner(tick, source);
  }

  /** The sooner of two waits in nanoseconds, where -1 is "until a wakeup". */
  private static long sooner(long a, long b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  private boolean writersAvailable() {
    for (RecordWriter w : writers) {
      if (!w.isAvailable()) {
        return false;
      }
    }
    return true;
  }

  /** Up to this long, batches for another process wait for input that is due soon. */
  static final long NETWORK_FLUSH_HOLD_NANOS = 200_000;

  private static long networkFlushHold(RecordWriter[] writers, long bufferTimeoutNanos) {
    if (bufferTimeoutNanos <= 0) {
      return 0; // a buffer timeout of 0 asks for every record at once
    }
    for (RecordWriter w : writers) {
      if (w.hasRemoteChannels()) {
        return Math.min(NETWORK_FLUSH_HOLD_NANOS, bufferTimeoutNanos);
      }
    }
    return 0;
  }

  /**
   * Flushes when no input is ready, unless the task sends to another process and its next input
   * is due (a paced source, a timer) before its batches have waited {@link
   * #networkFlushHoldNanos} since the last flush: then the batches take that input too. A frame
   * on a socket costs thread wakeups and system calls on both sides, and its credit comes back
   * the same way; a source at 50,000 records a second, woken every 100 µs, sent a frame of two
   * or three records per channel at each wakeup. Input of unknown time (records from other
   * tasks) is never waited for.
   */
  private void flushWhenIdle() {
    if (networkFlushHoldNanos > 0) {
      long next = sooner(input.nanosUntilAvailable(), clock.nanosUntilNextTick());
      if (next >= 0 && System.nanoTime() - lastFlushNanos + next < networkFlushHoldNanos) {
        return;
      }
    }
    flush();
  }

  private void flush() {
    if (unflushed) {
      for (RecordWriter w : writers) {
        w.flush();
      }
      unflushed = false;
    }
    lastFlushNanos = System.nanoTime();
  }

  private void startFinishing() {
    phase = Phase.FINISHING;
    chain
        .finish()
        .onComplete(
            ar -> {
              if (phase != Phase.FINISHING) {
                return; // cancelled meanwhile
              }
              if (ar.failed()) {
                fail(ar.cause());
              } else {
                finished();
              }
              wakeup.run();
            });
  }

  private void finished() {
    try {
      for (RecordWriter w : writers) {
        w.broadcastEvent(ChannelEvent.EndOfPartition.INSTANCE);
      }
      closeInput();
      phase = Phase.FINISHED;
      listener.stateChanged(this, TaskState.FINISHED, null, Map.copyOf(counters));
    } catch (Throwable e) {
      fail(e);
    }
  }

  private void fail(Throwable e) {
    if (phase == Phase.FAILED || phase == Phase.CANCELED || phase == Phase.FINISHED) {
      return;
    }
    phase = Phase.FAILED;
    closeQuietly();
    String operator = e instanceof OperatorException oe ? oe.operator() : name;
    Throwable cause = e instanceof OperatorException ? e.getCause() : e;
    listener.stateChanged(this, TaskState.FAILED, failure(operator, cause), Map.copyOf(counters));
  }

  static Failure failure(String operator, Throwable cause) {
    var trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return new Failure(operator, cause.getClass().getName(), cause.getMessage(), trace.toString());
  }

  /** Stops the task where it is; what it held is discarded. */
  public void cancel() {
    if (phase == Phase.RUNNING || phase == Phase.FINISHING) {
      phase = Phase.CANCELED;
      closeQuietly();
      listener.stateChanged(this, TaskState.CANCELED, null, Map.copyOf(counters));
    }
  }

  /** After FINISHED, once the whole job finished: commits the operators, then closes them. */
  public Future<Void> commit() {
    if (phase != Phase.FINISHED || closed) {
      return Future.failedFuture(new IllegalStateException(name + " is not waiting to commit"));
    }
    return chain.commit().eventually(() -> {
      closeQuietly();
      return Future.succeededFuture();
    });
  }

  /** The job will not commit: closes the operators, discarding uncommitted output. */
  public void abort() {
    closeQuietly();
  }

  public boolean isDone() {
    return phase == Phase.FINISHED || phase == Phase.FAILED || phase == Phase.CANCELED;
  }

  private void closeQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      chain.close();
    } catch (RuntimeException ignored) {
      // the task already ended; a failing close must not hide why
    }
    closeInput();
  }

  private void closeInput() {
    if (inputClosed) {
      return;
    }
    inputClosed = true;
    try {
      input.close();
    } catch (Exception ignored) {
      // as above
    }
  }
}
