package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager process killed with {@code kill -9} while a job runs across it and another: the
 * job fails with a cause naming the lost TaskManager, nothing becomes visible at its output, its
 * slots are freed, and the next job runs on the TaskManager that is left.
 */
@Timeout(300)
class TaskManagerLossIT {
  @TempDir Path dir;

  /** An endless paced job, keyed so that records cross between the two TaskManagers. */
  private static final String ENDLESS_JOB = """
      package com.acme;
      public final class EndlessJob implements io.vortex.api.VortexJob {
        @Override
        public void define(io.vortex.api.StreamEnvironment env, String[] args) {
          env.fromSource(io.vortex.api.source.GeneratorSource.unbounded(i -> i).withRate(2_000), "ticks")
              .keyBy(i -> i % 16).reduce(Long::sum).name("sum").writeAsText(args[0]);
        }
      }
      """;

  @Test
  void when_aTaskManagerIsKilledMidJob_then_theJobFailsNamingItAndTheNextJobRuns() throws Exception {
    try (var processes = new FatJarProcesses(dir)) {
      // Given: a job at parallelism 4 running on two TaskManagers of 2 slots each
      String clusterName = "it-" + UUID.randomUUID();
      String jobManager = processes.startJobManager(clusterName);
      processes.startTaskManager("tm1", clusterName, 2);
      String lostId = processes.startTaskManager("tm2", clusterName, 2);
      Path jar = TestJars.compile(dir, "com.acme.EndlessJob", ENDLESS_JOB);
      Path output = dir.resolve("endless-out");
      Process run = processes.start("endless", "run", "--jobmanager", jobManager, "--jar", jar.toString(),
          "--job", "com.acme.EndlessJob", "--parallelism", "4", "--", output.toString());
      Await.until("the job running", Duration.ofSeconds(60),
          () -> processes.log("endless").contains(") RUNNING") || !run.isAlive(), () -> processes.log("endless"));
      assertTrue(run.isAlive(), processes.log("endless"));

      // When
      Process lost = processes.process("tm2");
      lost.destroyForcibly(); // SIGKILL
      assertTrue(lost.waitFor(30, TimeUnit.SECONDS));

      // Then: the job fails, naming the lost TaskManager
      assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the job did not end:\n" + processes.log("endless"));
      assertEquals(1, run.exitValue(), processes.log("endless"));
      assertTrue(processes.log("endless").contains(lostId), processes.log("endless"));
      assertFalse(Files.exists(output), "a failed job makes nothing visible at its output");
      try (Stream<Path> files = Files.list(dir)) {
        // the surviving TaskManager's sink subtasks (0 and 2) removed theirs; the killed one's
        // (1 and 3) could not: discarding a lost attempt's files is recovery's work (issue 8)
        long left = files.map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith(".endless-out") && n.endsWith(".inprogress")).count();
        assertTrue(left <= 2, left + " in-progress files left");
      }

      // Then: its slots are free again and the next job runs on the TaskManager left
      Path words = Files.writeString(dir.resolve("words.txt"), "to be or not to be\n");
      Path counted = dir.resolve("counted");
      int exit = processes.run("next", "run", "--jobmanager", jobManager, "--example", "wordcount",
          "--input", words.toString(), "--output", counted.toString(), "--parallelism", "2");
      assertEquals(0, exit, processes.log("next") + processes.log("jm"));
      assertEquals(java.util.List.of("be,2", "not,1", "or,1", "to,2"), ExamplesIT.readLines(counted));
    }
  }
}
