package io.vortex.bench.vortex;

import io.vortex.cluster.client.VortexClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Vortex cluster of separate processes on this machine for the benchmarks: one {@code vortex
 * jobmanager} and N {@code vortex taskmanager --slots S}, started from this JVM's classpath (the
 * benchmark jar holds the launcher and the workloads' classes, so the TaskManagers load the job's
 * functions from their classpath), on a cluster name of their own and free ports. {@link
 * #start} returns once every TaskManager printed its ready line (its slots registered);
 * {@link #close} stops them (SIGTERM, then SIGKILL after 20 s).
 *
 * <p>Threading: created and used by the runner's thread; one daemon thread per process reads its
 * standard output.
 */
final class ProcessCluster implements AutoCloseable {

  private static final Pattern JOB_MANAGER_READY =
      Pattern.compile("jobmanager \\S+ of cluster '.*' serves jobs at (\\S+)");
  private static final Pattern TASK_MANAGER_READY =
      Pattern.compile("taskmanager tm-\\S+ of cluster '.*' offers \\d+ slots.*registered in (\\d+) ms.*");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final String MAIN = "io.vortex.launcher.VortexCommand";

  private final List<Child> children = new ArrayList<>();
  private final List<Long> taskManagerReadyMillis = new ArrayList<>();
  private final List<Long> taskManagerRegisteredMillis = new ArrayList<>();
  private final Path logs;
  private String jobManagerAddress;
  private VortexClient client;

  private ProcessCluster(Path logs) {
    this.logs = logs;
  }

  /**
   * Starts the JobManager, then {@code taskManagers} TaskManagers of {@code slots} slots each
   * (all at once), each with {@code jvmFlags}; the JobManager gets them without heap sizes and
   * a 512 MB heap (it holds no records). Each process's standard error goes to {@code NAME.err}
   * in a directory of the cluster's own, deleted by {@link #close}.
   */
  static ProcessCluster start(int taskManagers, int slots, List<String> jvmFlags)
      throws Exception {
    Path dir = Files.createTempDirectory("vortex-bench-cluster-");
    ProcessCluster cluster = new ProcessCluster(dir);
    try {
      String name = "bench-" + UUID.randomUUID();
      List<String> jmFlags = new ArrayList<>(jvmFlags.stream()
          .filter(f -> !f.startsWith("-Xms") && !f.startsWith("-Xmx")).toList());
      jmFlags.add("-Xmx512m");
      Child jm = cluster.launch("jm", jmFlags, dir, JOB_MANAGER_READY,
          "jobmanager", "--cluster-name", name, "--rpc-port", "0");
      cluster.jobManagerAddress = jm.awaitReady().group(1);
      List<Child> tms = new ArrayList<>();
      for (int i = 0; i < taskManagers; i++) {
        tms.add(cluster.launch("tm" + i, jvmFlags, dir, TASK_MANAGER_READY,
            "taskmanager", "--cluster-name", name, "--slots", String.valueOf(slots)));
      }
      for (Child tm : tms) {
        Matcher ready = tm.awaitReady();
        cluster.taskManagerReadyMillis.add(tm.readyMillis());
        cluster.taskManagerRegisteredMillis.add(Long.parseLong(ready.group(1)));
      }
      cluster.client = VortexClient.connect(cluster.jobManagerAddress);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The JVM flags this JVM was started with, less agents (a test's coverage or debugger). */
  static List<String> ownJvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(f -> !f.startsWith("-javaagent") && !f.startsWith("-agentlib")
            && !f.startsWith("-Djdk.module") && !f.startsWith("-XX:Flags"))
        .toList();
  }

  VortexClient client() {
    return client;
  }

  /** Per TaskManager: milliseconds from its process start to its ready line (slots offered). */
  List<Long> taskManagerReadyMillis() {
    return List.copyOf(taskManagerReadyMillis);
  }

  /** Per TaskManager: the "registered in N ms" of its ready line. */
  List<Long> taskManagerRegisteredMillis() {
    return List.copyOf(taskManagerRegisteredMillis);
  }

  /** The JobManager's CPU time so far, in ns (-1 if unknown). */
  long jobManagerCpuNanos() {
    return children.get(0).cpuNanos();
  }

  private Child launch(String name, List<String> flags, Path dir, Pattern ready, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
    Child child = new Child(name, process, ready, dir.resolve(name + ".err"));
    children.add(child);
    return child;
  }

  @Override
  public void close() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    for (Child c : children) {
      c.process.destroy();
    }
    for (Child c : children) {
      if (!c.process.waitFor(20, TimeUnit.SECONDS)) {
        c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    try {
      deleteDirectory(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory the benchmark created and the files in it (it holds no others). */
  static void deleteDirectory(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  /**
   * One started process: a daemon thread reads its standard output, keeps the last lines for
   * error messages and completes {@link #ready} on the first line matching the ready pattern.
   * Threading: {@link #ready} and {@link #tail} are safe from any thread.
   */
  private static final class Child {
    private final String name;
    private final Process process;
    private final Path errFile;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile long readyNanos;

    Child(String name, Process process, Pattern readyLine, Path errFile) {
      this.name = name;
      this.process = process;
      this.errFile = errFile;
      Thread reader = new Thread(() -> read(readyLine), "bench-" + name + "-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(Pattern readyLine) {
      try (var in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          remember(line);
          Matcher m = readyLine.matcher(line);
          if (!ready.isDone() && m.matches()) {
            readyNanos = System.nanoTime();
            ready.complete(m);
          }
        }
      } catch (IOException e) {
        // the process ended; awaitReady reports it
      }
      ready.completeExceptionally(new IllegalStateException(
          name + " ended (exit " + exitCode() + ") before it was ready:\n" + tail() + errors()));
    }

    private synchronized void remember(String line) {
      tail.addLast(line);
      if (tail.size() > 40) {
        tail.removeFirst();
      }
    }

    private synchronized String tail() {
      return String.join("\n", tail);
    }

    private String exitCode() {
      try {
        return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "unknown";
      }
    }

    private String errors() {
      try {
        return "\n" + Files.readString(errFile);
      } catch (IOException e) {
        return "";
      }
    }

    Matcher awaitReady() throws Exception {
      try {
        return ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(name + " printed no ready line in " + READY_TIMEOUT
            + ":\n" + tail() + errors(), e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw (Exception) e.getCause();
      }
    }

    long readyMillis() {
      return TimeUnit.NANOSECONDS.toMillis(readyNanos - startNanos);
    }

    long cpuNanos() {
      return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
  }
}
