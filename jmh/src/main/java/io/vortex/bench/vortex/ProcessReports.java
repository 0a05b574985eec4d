package io.vortex.bench.vortex;

import io.vertx.core.Future;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.ProcTimer;
import io.vortex.bench.ProcessCpu;
import io.vortex.bench.check.LatencyRecorder;
import io.vortex.bench.check.Totals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * How the sources and sinks of a job running in TaskManager processes report to the runner: the
 * run id they carry names a directory ({@code dir:PATH}) on this machine, and each sink instance
 * writes one file there when its input ends, with its totals, its end time and its process's CPU
 * time then, and the earliest source start and the CPU time at that moment in its process.
 * {@code System.nanoTime()} is the system-wide monotonic clock on Linux, so times from different
 * processes of one machine compare.
 *
 * <p>Threading: {@link #writer} and the writers are thread-safe (one writer per directory and
 * process, shared by its tasks); {@link #read} is called by the runner once the job completed.
 */
final class ProcessReports {

  private static final String PREFIX = "dir:";
  private static final String SUFFIX = ".report";
  private static final Map<String, Writer> WRITERS = new ConcurrentHashMap<>();

  private ProcessReports() {
  }

  /** The run id naming {@code dir}. */
  static String id(Path dir) {
    return PREFIX + dir.toAbsolutePath();
  }

  static boolean isReportId(String id) {
    return id.startsWith(PREFIX);
  }

  /** This process's writer for the run {@code id}. */
  static RunReporter writer(String id) {
    return WRITERS.computeIfAbsent(id, k -> new Writer(Path.of(k.substring(PREFIX.length()))));
  }

  /**
   * One sink instance's report.
   *
   * @param pid the TaskManager process
   * @param firstStartNanos the earliest source start in that process ({@code Long.MAX_VALUE}
   *     if none started there)
   * @param cpuAtStartNanos that process's CPU time at that start (-1 if unknown)
   */
  record SinkReport(long pid, long firstStartNanos, long cpuAtStartNanos, long endNanos,
      long cpuAtEndNanos, long checksum, long results, long total, LatencyRecorder latency)
      implements Serializable {
    Totals totals() {
      return new Totals(checksum, results, total);
    }
  }

  /** Every report in {@code dir}. */
  static List<SinkReport> read(Path dir) throws IOException {
    List<SinkReport> reports = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList()) {
        try (var in = new ObjectInputStream(Files.newInputStream(f))) {
          reports.add((SinkReport) in.readObject());
        } catch (ClassNotFoundException e) {
          throw new IOException("unreadable report " + f, e);
        }
      }
    }
    return reports;
  }

  /** Threading: thread-safe; the sources and sinks of one run in one TaskManager process. */
  private static final class Writer implements RunReporter {
    private final Path dir;
    private final ProcTimer timer = new ProcTimer();
    private final AtomicInteger sinks = new AtomicInteger();
    private volatile long cpuAtStart = -1;

    Writer(Path dir) {
      this.dir = dir;
    }

    @Override
    public void sourceStarted(long nanos) {
      long cpu = ProcessCpu.nanos();
      synchronized (this) {
        if (timer.firstStartNanos() == Long.MAX_VALUE) {
          cpuAtStart = cpu;
        }
        timer.sourceStarted(nanos, cpu);
      }
    }

    @Override
    public long firstStartNanos() {
      return timer.firstStartNanos();
    }

    @Override
    public Future<Void> sinkFinished(Totals totals, LatencyRecorder latency, SinkContext context) {
      long end = System.nanoTime();
      long cpu = ProcessCpu.nanos();
      var report = new SinkReport(ProcessHandle.current().pid(), timer.firstStartNanos(),
          cpuAtStart, end, cpu, totals.checksum(), totals.results(), totals.total(), latency);
      String name = report.pid() + "-" + sinks.incrementAndGet() + SUFFIX;
      return context.vertx().executeBlocking(() -> {
        write(report, name);
        return null;
      });
    }

    /** Writes then renames, so the runner never reads half a report. */
    private void write(SinkReport report, String name) {
      try {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
          out.writeObject(report);
        }
        Path tmp = Files.write(dir.resolve(name + ".tmp"), bytes.toByteArray());
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
