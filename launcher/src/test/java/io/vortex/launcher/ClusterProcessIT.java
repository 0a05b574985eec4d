package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.InvalidJobException;
import io.vortex.cluster.client.VortexClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vortex jobmanager} and two {@code vortex taskmanager}s as separate JVMs on loopback: they
 * form one cluster (one TaskManager configured by a {@code --config} file), the TaskManagers'
 * slots reach the JobManager, a TaskManager killed with {@code kill -9} takes its slots with it,
 * and one stopped with SIGTERM leaves the cluster cleanly. Started through the fat jar, as a user
 * starts them.
 */
@Timeout(180)
class ClusterProcessIT {
  private static final Pattern JOB_MANAGER_READY = Pattern.compile("jobmanager \\S+ of cluster '.*' serves jobs at (\\S+)");
  private static final Pattern TASK_MANAGER_READY = Pattern.compile("taskmanager (tm-\\S+) of cluster '.*' offers 2 slots.*");

  @TempDir Path dir;
  private FatJarProcesses processes;
  private final String clusterName = "it-" + UUID.randomUUID();

  @BeforeEach
  void processes() {
    processes = new FatJarProcesses(dir);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    processes.close();
  }

  private Process start(String name, String... args) throws IOException {
    return processes.start(name, args);
  }

  private Process start(String name, Map<String, String> env, String... args) throws IOException {
    return processes.start(name, env, args);
  }

  private String awaitReady(String name, Process process, Pattern pattern) {
    return processes.awaitReady(name, process, pattern);
  }

  private String log(String name) {
    return processes.log(name);
  }

  /** The slots the JobManager counts: it refuses a job wider than them, and says how many there are. */
  private static String slotsSeen(VortexClient client) {
    var env = StreamEnvironment.create(client).setParallelism(99);
    env.fromElements(1, 2, 3).collect("out");
    try {
      env.executeAsync("probe").result().await();
      return "accepted";
    } catch (InvalidJobException e) {
      Matcher m = Pattern.compile("above the (\\d+) slots").matcher(e.getMessage());
      return m.find() ? m.group(1) : e.getMessage();
    }
  }

  @Test
  void when_aTaskManagerIsKilledOrStopped_then_itsSlotsLeaveTheJobManager() throws Exception {
    // Given: a JobManager and two TaskManagers of 2 slots each, the first's cluster name and slots
    // only in its config file (else it joins cluster 'vortex' and the JobManager counts 2 slots)
    Process jm = start("jm", "jobmanager", "--cluster-name", clusterName, "--rpc-port", "0", "--slot-timeout", "0");
    String rpc = awaitReady("jm", jm, JOB_MANAGER_READY);
    Path config = Files.write(dir.resolve("tm1.properties"),
        List.of("# tm1's settings", "cluster-name = " + clusterName, "slots: 2", "heartbeat-timeout = 6"));
    long started = System.nanoTime();
    Process tm1 = start("tm1", "taskmanager", "--config", config.toString());
    awaitReady("tm1", tm1, TASK_MANAGER_READY);
    long firstMillis = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    Process tm2 = start("tm2", "taskmanager", "--cluster-name", clusterName, "--slots", "2");
    String tm2Id = awaitReady("tm2", tm2, TASK_MANAGER_READY);
    long secondMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("ClusterProcessIT: taskmanager start to slots offered: " + firstMillis + " ms, " + secondMillis + " ms");

    try (VortexClient client = VortexClient.connect(rpc)) {
      assertEquals("4", slotsSeen(client), "both TaskManagers' slots registered");

      // And: a second JobManager of the cluster is refused, naming the first (it would take half of the
      // TaskManagers' messages), and the first keeps its TaskManagers
      Process jm2 = start("jm2", "jobmanager", "--cluster-name", clusterName, "--rpc-port", "0");
      assertTrue(jm2.waitFor(60, TimeUnit.SECONDS), log("jm2"));
      assertEquals(1, jm2.exitValue(), log("jm2"));
      Matcher first = Pattern.compile("jobmanager (\\S+) of cluster").matcher(log("jm"));
      assertTrue(first.find(), log("jm"));
      assertTrue(log("jm2").contains("error: another JobManager already runs in this cluster (member " + first.group(1) + ")"),
          log("jm2"));
      assertEquals("4", slotsSeen(client), "the first JobManager kept its TaskManagers");

      // When
      long killed = System.nanoTime();
      tm2.destroyForcibly(); // SIGKILL
      assertTrue(tm2.waitFor(30, TimeUnit.SECONDS));

      // Then: its slots are gone, the other TaskManager's stay
      Await.until("the killed TaskManager's slots removed", Duration.ofSeconds(20),
          () -> slotsSeen(client).equals("2"), () -> slotsSeen(client) + "\n" + log("jm"));
      System.out.println("ClusterProcessIT: kill -9 of " + tm2Id + " to its slots gone: "
          + (System.nanoTime() - killed) / 1_000_000 + " ms");
      assertTrue(jm.isAlive() && tm1.isAlive(), log("jm") + log("tm1"));

      // When: SIGTERM
      tm1.destroy();

      // Then: it leaves the cluster (its shutdown hook closed Vert.x and Hazelcast without error),
      // exits with SIGTERM's status, and its slots are gone
      assertTrue(tm1.waitFor(30, TimeUnit.SECONDS), log("tm1"));
      assertEquals(143, tm1.exitValue(), log("tm1"));
      assertFalse(log("tm1").contains("leaving the cluster failed"), log("tm1"));
      Await.until("the stopped TaskManager's slots removed", Duration.ofSeconds(20),
          () -> slotsSeen(client).endsWith("no TaskManager has registered any slots"),
          () -> slotsSeen(client) + "\n" + log("jm"));
      assertTrue(jm.isAlive(), log("jm"));
    }
  }

  @Test
  void when_flagsAreBad_then_exit2WithAClearMessage() throws Exception {
    // When
    Process bad = start("bad", "taskmanager", "--slots", "-1");

    // Then
    assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, bad.exitValue(), log("bad"));
    assertEquals("error: --slots must be at least 1, is -1", log("bad").strip());
  }

  @Test
  void when_theHazelcastLogLevelIsNoLevel_then_exit2WithAClearMessage() throws Exception {
    // When
    Process bad = start("badlog", Map.of("VORTEX_HAZELCAST_LOG", "loud"), "taskmanager", "--slots", "1");

    // Then
    assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, bad.exitValue(), log("badlog"));
    assertEquals(
        "error: VORTEX_HAZELCAST_LOG must be a log level (SEVERE, WARNING, INFO, FINE, ALL, OFF), is 'loud'",
        log("badlog").strip());
  }
}
