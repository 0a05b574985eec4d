package io.vortex.bench.net;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.taskmanager.network.RecordBatch;
import io.vortex.taskmanager.network.tcp.BatchCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Thread CPU per record of the channel codec ({@link BatchCodec}) on W3's record shape, writing
 * and reading batches of 512 as a typed edge does. Measures CPU time, not wall time, and prints
 * the best of many rounds, so a busy machine (other builds on the same cores) moves it little:
 * use it for A/B of the serializers when the end-to-end runs are too noisy to show a few percent.
 *
 * <p>Run: {@code java -cp jmh/target/benchmarks.jar io.vortex.bench.net.CodecCpu [rounds]}.
 */
public final class CodecCpu {
  private static final int BATCH = 512;
  private static final int RECORDS_PER_ROUND = 1 << 20;

  /** W3's record after its map. */
  public record KeyValue(long key, long value) {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    BatchCodec writer = new BatchCodec(CodecCpu.class.getClassLoader(), KeyValue.class.getName(), "map");
    BatchCodec reader = new BatchCodec(CodecCpu.class.getClassLoader(), KeyValue.class.getName(), "map");
    RecordBatch batch = new RecordBatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(new KeyValue(i * 0x9E3779B97F4A7C15L, -i), 1_000_000L + i);
    }
    DataOut out = new DataOut(64 * 1024);
    DataIn in = new DataIn();
    double bestWrite = Double.MAX_VALUE;
    double bestRead = Double.MAX_VALUE;
    long check = 0;
    for (int r = 0; r < rounds; r++) {
      long write = 0;
      long read = 0;
      for (int b = 0; b < RECORDS_PER_ROUND / BATCH; b++) {
        long t0 = threads.getCurrentThreadCpuTime();
        out.reset();
        writer.write(batch, 0, BATCH, out, Integer.MAX_VALUE);
        long t1 = threads.getCurrentThreadCpuTime();
        RecordBatch copy = reader.read(in.reset(out.array(), 0, out.position()));
        long t2 = threads.getCurrentThreadCpuTime();
        check += ((KeyValue) copy.value(BATCH - 1)).value();
        write += t1 - t0;
        read += t2 - t1;
      }
      bestWrite = Math.min(bestWrite, (double) write / RECORDS_PER_ROUND);
      bestRead = Math.min(bestRead, (double) read / RECORDS_PER_ROUND);
    }
    System.out.printf("CodecCpu: write %.1f ns/record, read %.1f ns/record (thread CPU, best of %d rounds of %d records; check %d)%n",
        bestWrite, bestRead, rounds, RECORDS_PER_ROUND, check);
  }
}
