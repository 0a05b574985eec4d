package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.launcher.ExampleCases.ExampleCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three examples at parallelism 4 on a JobManager and two TaskManagers (2 slots each) run as
 * separate JVMs through the fat jar, submitted with {@code vortex run}: subtask i runs in slot i,
 * spread over both TaskManagers, so every keyed exchange crosses TCP between them. Their output
 * is exactly the reference's and the mini-cluster's, in streaming and in batch mode.
 */
@Timeout(600)
class DistributedExamplesIT {
  private static final List<String> MODES = List.of("streaming", "batch");

  @TempDir static Path dir;
  private static FatJarProcesses processes;
  private static String jobManager;
  private static int runs;

  @BeforeAll
  static void startCluster() throws Exception {
    String clusterName = "it-" + UUID.randomUUID();
    processes = new FatJarProcesses(dir);
    jobManager = processes.startJobManager(clusterName);
    processes.startTaskManager("tm1", clusterName, 2);
    processes.startTaskManager("tm2", clusterName, 2);
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    processes.close();
  }

  @Test
  void when_wordcountRunsAcrossTwoTaskManagers_then_itsOutputIsTheMiniClusters() throws Exception {
    assertSameOnBoth(ExampleCases.wordcount(Files.createDirectories(dir.resolve("wordcount"))));
  }

  @Test
  void when_fraudDetectionRunsAcrossTwoTaskManagers_then_itsOutputIsTheMiniClusters() throws Exception {
    assertSameOnBoth(ExampleCases.fraudDetection(Files.createDirectories(dir.resolve("fraud"))));
  }

  @Test
  void when_monitoringRunsAcrossTwoTaskManagers_then_itsOutputIsTheMiniClusters() throws Exception {
    assertSameOnBoth(ExampleCases.monitoring(Files.createDirectories(dir.resolve("monitoring"))));
  }

  private static void assertSameOnBoth(ExampleCase c) throws Exception {
    for (String mode : MODES) {
      // Given: the mini-cluster's output
      Path local = dir.resolve(c.example() + "-local-" + mode);
      ExamplesIT.runCommand("local", "--example", c.example(), "--input", c.input().toString(),
          "--output", local.toString(), "--parallelism", "4", "--mode", mode);

      // When
      Path output = dir.resolve(c.example() + "-cluster-" + mode);
      String name = "run-" + (++runs);
      int exit = processes.run(name, "run", "--jobmanager", jobManager, "--example", c.example(),
          "--input", c.input().toString(), "--output", output.toString(), "--parallelism", "4", "--mode", mode);

      // Then
      assertEquals(0, exit, processes.log(name) + processes.log("tm1") + processes.log("tm2"));
      assertEquals(c.expected(), ExamplesIT.readLines(output), c.example() + " mode=" + mode);
      assertEquals(ExamplesIT.readLines(local), ExamplesIT.readLines(output), c.example() + " mode=" + mode);
      try (var parts = Files.list(output)) {
        assertEquals(4, parts.count(), "one part file per sink subtask, on both TaskManagers");
      }
      if (c.expectedStdout() != null) {
        assertTrue(processes.log(name).contains(c.expectedStdout()), processes.log(name));
      }
    }
  }
}
