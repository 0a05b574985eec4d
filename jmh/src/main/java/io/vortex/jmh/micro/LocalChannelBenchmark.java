package io.vortex.jmh.micro;

import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.KeyGroups;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.InputChannel;
import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.LocalChannel;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.OutputChannel;
import io.vortex.taskmanager.network.Partitioner;
import io.vortex.taskmanager.network.RecordBatch;
import io.vortex.taskmanager.network.RecordWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Threading: the JMH thread produces; one consumer thread, started per trial, consumes.
 *
 * <p>Records per second through the in-JVM data path of the mini-cluster, between two threads:
 * {@link RecordWriter} (batching, partitioning) → {@link LocalChannel}s (capacity 8 batches, as
 * {@link LocalChannelTransport} makes them) → {@link InputGate} on the consumer. Each invocation
 * moves {@value #RECORDS} records and ends with a watermark that the consumer acknowledges, so
 * the figure is end-to-end (records/s = ops/s). The producer checks for capacity once per 1024
 * records, as a task does per step. Parameters:
 * <ul>
 *   <li>{@code channels}: 1 (forward edge) or 2 (hash edge, the W3 shuffle at P = 2: one
 *       consumer thread reads both channels through its gate);</li>
 *   <li>{@code batchSize}: records per batch (512 is the job default);</li>
 *   <li>{@code waiting}: {@code spin} (busy-wait: the raw channel cost) or {@code park}
 *       (threads park and are woken by the channels' data and capacity callbacks, as tasks
 *       are, which adds the hand-off latency the event loops see).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar jmh LocalChannelBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalChannelBenchmark {

  static final int RECORDS = 1 << 20;
  private static final int STEP = 1024;
  private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  @Param({"1", "2"})
  public int channels;

  @Param({"512"})
  public int batchSize;

  @Param({"spin", "park"})
  public String waiting;

  private final Long[] values = new Long[STEP];
  private RecordWriter writer;
  private Consumer consumer;
  private volatile Thread producer;
  private boolean park;
  private long sequence;

  @Setup
  public void setUp() {
    park = waiting.equals("park");
    for (int i = 0; i < STEP; i++) {
      values[i] = (long) i * 0x9E3779B97F4A7C15L;
    }
    List<OutputChannel> outputs = new ArrayList<>();
    List<InputChannel> inputs = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      var channel = new LocalChannel(LocalChannelTransport.DEFAULT_CAPACITY_IN_BATCHES);
      outputs.add(channel);
      inputs.add(channel);
    }
    KeySelector<Object, Object> key = v -> v;
    Partitioner partitioner = channels == 1
        ? Partitioner.of(Partitioning.FORWARD, null, KeyGroups.DEFAULT_MAX_PARALLELISM, 1, 0)
        : Partitioner.of(Partitioning.HASH, key, KeyGroups.DEFAULT_MAX_PARALLELISM, channels, 0);
    writer = new RecordWriter(outputs, partitioner, false, batchSize);
    writer.onCapacity(() -> {
      Thread t = producer;
      if (t != null) {
        LockSupport.unpark(t);
      }
    });
    consumer = new Consumer(new InputGate(inputs, new int[channels]), park);
    consumer.start();
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    writer.broadcastEvent(ChannelEvent.EndOfPartition.INSTANCE);
    consumer.join(TimeUnit.SECONDS.toMillis(10));
    if (consumer.isAlive()) {
      throw new IllegalStateException("the consumer did not end");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long transfer() throws Exception {
    producer = Thread.currentThread();
    for (int i = 0; i < RECORDS; i += STEP) {
      while (!writer.isAvailable()) {
        await();
      }
      for (int j = 0; j < STEP; j++) {
        writer.emit(values[j], i + j);
      }
    }
    long mark = ++sequence;
    writer.broadcastEvent(new ChannelEvent.Watermark(mark));
    consumer.awaitWatermark(mark, this);
    return consumer.sum;
  }

  private void await() {
    if (park) {
      LockSupport.parkNanos(this, PARK_NANOS);
    } else {
      Thread.onSpinWait();
    }
  }

  /** Reads the gate until end of input; acknowledges watermarks. */
  private static final class Consumer extends Thread implements InputGate.Listener {
    private final InputGate gate;
    private final boolean park;
    private volatile long watermark = Long.MIN_VALUE;
    private volatile Thread waiter;
    /** Sum of the records' values: keeps the reads alive; published by the watermark write. */
    long sum;

    Consumer(InputGate gate, boolean park) {
      super("local-channel-consumer");
      setDaemon(true);
      this.gate = gate;
      this.park = park;
      if (park) {
        gate.onData(() -> LockSupport.unpark(this));
      }
    }

    @Override
    public void run() {
      try {
        while (true) {
          InputGate.Status status = gate.read(this, STEP);
          if (status == InputGate.Status.END_OF_INPUT) {
            return;
          }
          if (status == InputGate.Status.NOTHING_AVAILABLE) {
            if (park) {
              LockSupport.parkNanos(this, PARK_NANOS);
            } else {
              Thread.onSpinWait();
            }
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onBatch(int input, RecordBatch batch) {
      long s = sum;
      for (int i = 0; i < batch.size(); i++) {
        s += (Long) batch.value(i) + batch.timestamp(i);
      }
      sum = s;
    }

    @Override
    public void onWatermark(long wm) {
      watermark = wm;
      Thread t = waiter;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }

    @Override
    public void onIdle(boolean idle) {
    }

    void awaitWatermark(long mark, LocalChannelBenchmark bench) {
      waiter = Thread.currentThread();
      while (watermark < mark) {
        bench.await();
      }
    }
  }
}
