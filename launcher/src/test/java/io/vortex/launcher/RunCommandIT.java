package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vortex run|list|describe|cancel} as child processes against a JobManager process (a
 * mini-cluster with the gRPC service, {@link RpcMiniClusterMain}).
 */
@Timeout(180)
class RunCommandIT {
  @TempDir static Path shared;
  static Process jobManager;
  static String address;
  /** The JobManager process's temporary directory (jars live there while their job runs). */
  static Path jobManagerTemp;

  @BeforeAll
  static void startJobManager() throws Exception {
    jobManagerTemp = Files.createDirectories(shared.resolve("jm-tmp"));
    jobManager = java(shared, "jm", "-Djava.io.tmpdir=" + jobManagerTemp, RpcMiniClusterMain.class.getName());
    Path out = shared.resolve("jm.stdout");
    Await.until("the JobManager's rpc port", Duration.ofSeconds(60),
        () -> read(out).contains("rpc-port ") || !jobManager.isAlive(), () -> read(shared.resolve("jm.stderr")));
    String line = read(out).lines().filter(l -> l.startsWith("rpc-port ")).findFirst().orElseThrow();
    address = "127.0.0.1:" + line.substring("rpc-port ".length()).trim();
  }

  @AfterAll
  static void stopJobManager() {
    jobManager.destroyForcibly();
  }

  /** Starts {@code java -cp <test classpath> MAIN ARGS} in {@code dir}, output to NAME.stdout/.stderr. */
  private static Process java(Path dir, String name, String... mainAndArgs) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(mainAndArgs));
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".stdout").toFile())
        .redirectError(dir.resolve(name + ".stderr").toFile())
        .start();
  }

  private static Process vortex(Path dir, String... args) throws IOException {
    List<String> mainAndArgs = new ArrayList<>(List.of(VortexCommand.class.getName()));
    mainAndArgs.addAll(List.of(args));
    return java(dir, "vortex", mainAndArgs.toArray(new String[0]));
  }

  /** Compiles a job class that is on no classpath of the test's processes into a jar. */
  private static Path jobJar(Path dir) throws IOException {
    return jobJar(dir, "ShippedJob", """
        package com.acme;
        public final class ShippedJob implements io.vortex.api.VortexJob {
          @Override
          public void define(io.vortex.api.StreamEnvironment env, String[] args) {
            env.generate(5, i -> i).map(i -> "shipped " + i).writeAsText(args[0]);
          }
        }
        """);
  }

  /** Compiles {@code com.acme.NAME} from {@code source} into {@code dir/NAME.jar}. */
  private static Path jobJar(Path dir, String name, String source) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/com/acme"));
    Files.writeString(src.resolve(name + ".java"), source);
    Path classes = Files.createDirectories(dir.resolve("classes-" + name));
    var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
    int rc = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.resolve(name + ".java").toString());
    assertEquals(0, rc, "compiling the job");
    Path jar = dir.resolve(name + ".jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void when_collectedRecordsAreOfAClassOnlyInTheJar_then_theClientReadsThemAsThatClass(@TempDir Path dir) throws Exception {
    // Given: a job whose record class exists only in its jar; its main reads the collected records back
    Path jar = jobJar(dir, "CollectingJob", """
        package com.acme;
        public final class CollectingJob {
          public record Reading(String sensor, double value) {}

          public static void main(String[] args) throws Exception {
            var env = io.vortex.api.StreamEnvironment.create();
            env.fromElements(new Reading("a", 1.5), new Reading("b", 2.5))
                .map(r -> new Reading(r.sensor().toUpperCase(), r.value() * 2))
                .collect("readings");
            var job = env.executeAsync("collecting");
            job.result().await();
            java.util.List<Reading> readings = job.collected("readings"); // a ClassCastException if not Readings
            var lines = new java.util.ArrayList<String>();
            for (Reading r : readings) {
              lines.add(r.getClass().getName() + " " + r.sensor() + " " + r.value());
            }
            java.util.Collections.sort(lines);
            java.nio.file.Files.write(java.nio.file.Path.of(args[0]), lines);
          }
        }
        """);
    Path output = dir.resolve("collected.txt");

    // When
    String[] r = finish(dir, "run", "--jobmanager", address, "--jar", jar.toString(), "--job", "com.acme.CollectingJob",
        "--", output.toString());

    // Then
    assertEquals("0", r[0], r[2]);
    assertEquals(List.of("com.acme.CollectingJob$Reading A 3.0", "com.acme.CollectingJob$Reading B 5.0"),
        Files.readAllLines(output));
  }

  @Test
  void when_jobClassesComeInAJar_then_theTaskManagersLoadThemAndTheJarIsRemovedAfterTheJob(@TempDir Path dir) throws Exception {
    // Given: a job class in a jar that neither this command's nor the JobManager's classpath has
    Path jar = jobJar(dir);
    Path output = dir.resolve("shipped.txt");

    // When
    String[] r = finish(dir, "run", "--jobmanager", address, "--jar", jar.toString(), "--job", "com.acme.ShippedJob",
        "--", output.toString());

    // Then
    assertEquals("0", r[0], r[2]);
    assertEquals(List.of("shipped 0", "shipped 1", "shipped 2", "shipped 3", "shipped 4"), Files.readAllLines(output));
    Await.until("the job's jars removed", Duration.ofSeconds(10), () -> {
      try (Stream<Path> files = Files.list(jobManagerTemp)) {
        return files.noneMatch(f -> f.getFileName().toString().startsWith("vortex-job-"));
      } catch (IOException e) {
        return false;
      }
    });
    String[] noJob = finish(dir, "run", "--jobmanager", address, "--jar", jar.toString(), "--example", "wordcount",
        "--input", jar.toString(), "--output", dir.resolve("x").toString());
    assertEquals("2", noJob[0], noJob[2]);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Runs a command to its end; returns exit code, stdout and stderr. */
  private static String[] finish(Path dir, String... args) throws Exception {
    Process p = vortex(dir, args);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vortex " + String.join(" ", args) + " still running");
    return new String[] {String.valueOf(p.exitValue()), read(dir.resolve("vortex.stdout")), read(dir.resolve("vortex.stderr"))};
  }

  /** The command's one error line (the JVM may print logging notices besides). */
  private static String errorLine(String stderr) {
    List<String> errors = stderr.lines().filter(l -> l.startsWith("error:")).toList();
    assertEquals(1, errors.size(), stderr);
    return errors.get(0);
  }

  @Test
  void when_wordcountRunRemotely_then_exactOutputStatusLinesAndExit0(@TempDir Path dir) throws Exception {
    // Given
    Path input = Files.writeString(dir.resolve("in.txt"), "b a b\nc b a\n", StandardCharsets.UTF_8);
    Path output = dir.resolve("out");

    // When
    long start = System.nanoTime();
    Process run = vortex(dir, "run", "--jobmanager", address, "--example", "wordcount",
        "--input", input.toString(), "--output", output.toString(), "--parallelism", "2");
    Await.until("RUNNING", Duration.ofSeconds(60),
        () -> read(dir.resolve("vortex.stderr")).contains(") RUNNING") || !run.isAlive(), () -> read(dir.resolve("vortex.stderr")));
    long toRunningMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    long totalMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("RESULT vortex run: to RUNNING " + toRunningMillis + " ms, to exit " + totalMillis + " ms");

    // Then
    String err = read(dir.resolve("vortex.stderr"));
    assertEquals(0, run.exitValue(), err);
    List<String> status = err.lines().filter(l -> l.startsWith("vortex: job 'wordcount' (")).map(l -> l.replaceAll("\\(.*\\) ", "")).toList();
    assertEquals(List.of("vortex: job 'wordcount' SUBMITTED: deploying 4 subtasks", "vortex: job 'wordcount' RUNNING",
        "vortex: job 'wordcount' FINISHED"), status.subList(0, 3).stream().map(s -> s.replaceAll("deploying \\d+", "deploying 4")).toList(), err);
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(output)) {
      for (Path p : parts.sorted().toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    assertEquals(List.of("a,2", "b,3", "c,1"), lines.stream().sorted().toList());
  }

  @Test
  void when_badArgumentsOrUnreachable_then_exit2Or1WithAClearMessage(@TempDir Path dir) throws Exception {
    // Given
    Path input = Files.writeString(dir.resolve("in.txt"), "a\n");
    Path existing = Files.writeString(dir.resolve("existing.txt"), "keep me\n");

    // When / Then: an existing output is refused and kept
    String[] r = finish(dir, "run", "--jobmanager", address, "--example", "wordcount", "--input", input.toString(),
        "--output", existing.toString());
    assertEquals("2", r[0], r[2]);
    assertTrue(errorLine(r[2]).contains("exists"), r[2]);
    assertEquals("keep me\n", Files.readString(existing));
    r = finish(dir, "run", "--jobmanager", "nohostport", "--example", "wordcount");
    assertEquals("2", r[0], r[2]);
    assertEquals("error: --jobmanager: expected HOST:PORT, was 'nohostport'", errorLine(r[2]));
    r = finish(dir, "run", "--jobmanager", address, "--example", "wordcount", "--input", input.toString(),
        "--output", dir.resolve("wide").toString(), "--parallelism", "9");
    assertEquals("2", r[0], r[2]);
    assertTrue(errorLine(r[2]).startsWith("error: the JobManager refused the job: ")
        && r[2].contains("its parallelism 9 is above the 2 slots"), r[2]);
    assertFalse(Files.exists(dir.resolve("wide")));
    r = finish(dir, "describe", "--jobmanager", address, "no-such-job");
    assertEquals("2", r[0], r[2]);
    assertTrue(errorLine(r[2]).startsWith("error: no job with id 'no-such-job'"), r[2]);

    // an unreachable JobManager: a clear message, exit 1, fast
    long start = System.nanoTime();
    r = finish(dir, "run", "--jobmanager", "127.0.0.1:1", "--example", "wordcount", "--input", input.toString(),
        "--output", dir.resolve("o").toString());
    assertEquals("1", r[0], r[2]);
    assertTrue(errorLine(r[2]).startsWith("error: cannot reach the JobManager"), r[2]);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
  }

  @Test
  void when_runIsSentSigterm_then_theJobIsCancelledAndListedAsCanceled(@TempDir Path dir) throws Exception {
    // Given: an endless job running on the JobManager
    Path output = dir.resolve("endless");
    Process run = vortex(dir, "run", "--jobmanager", address, "--job", ProcessIT.PacedEndlessJob.class.getName(),
        "--", output.toString());
    Path err = dir.resolve("vortex.stderr");
    Await.until("RUNNING", Duration.ofSeconds(60), () -> read(err).contains(") RUNNING") || !run.isAlive(), () -> read(err));
    String jobId = read(err).lines().filter(l -> l.contains(") RUNNING")).findFirst().orElseThrow().replaceAll(".*\\((.*)\\).*", "$1");

    // When
    run.destroy(); // SIGTERM

    // Then
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    assertEquals(143, run.exitValue(), read(err));
    assertTrue(read(err).contains("vortex: interrupted: cancelled job 'PacedEndlessJob'"), read(err));
    assertFalse(Files.exists(output));
    Path other = Files.createDirectories(dir.resolve("other"));
    String[] listed = finish(other, "list", "--jobmanager", address);
    assertEquals("0", listed[0], listed[2]);
    assertTrue(listed[1].lines().anyMatch(l -> l.startsWith(jobId) && l.contains("CANCELED")), listed[1]);
    String[] described = finish(other, "describe", "--jobmanager", address, jobId);
    assertTrue(described[1].contains("status:    CANCELED"), described[1]);
  }
}
