package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each verticle deployed on its own by the Vert.x launcher ({@code VertxApplication CLASS
 * -cluster -conf JSON}), in three processes of one Hazelcast cluster configured by an XML file,
 * runs a job submitted with {@code vortex run}.
 */
@Timeout(300)
class VertxLauncherIT {
  private static final Pattern SERVICE_READY = Pattern.compile("job service serves jobs at (\\S+)");
  private static final Pattern TASK_MANAGER_READY = Pattern.compile("taskmanager (tm-\\S+) offers 2 slots.*");

  @TempDir Path dir;

  @Test
  void when_eachVerticleIsDeployedByTheVertxLauncher_then_aJobRunsAcrossThem() throws Exception {
    // Given: a Hazelcast configuration of the cluster, as a user would write it
    String clusterName = "it-" + UUID.randomUUID();
    Path hazelcast = Files.writeString(dir.resolve("cluster.xml"), """
        <hazelcast xmlns="http://www.hazelcast.com/schema/config">
          <cluster-name>%s</cluster-name>
          <properties>
            <property name="hazelcast.phone.home.enabled">false</property>
            <property name="hazelcast.wait.seconds.before.join">0</property>
            <property name="hazelcast.tcp.join.port.try.count">50</property>
          </properties>
          <network>
            <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
            <join>
              <multicast enabled="false"/>
              <auto-detection enabled="false"/>
              <tcp-ip enabled="true"><member>127.0.0.1</member></tcp-ip>
            </join>
          </network>
          <multimap name="__vertx.subs">
            <backup-count>1</backup-count>
            <value-collection-type>SET</value-collection-type>
          </multimap>
        </hazelcast>
        """.formatted(clusterName));
    String property = "-Dvertx.hazelcast.config=" + hazelcast;
    String quiet = "-Dhazelcast.logging.type=none";

    try (var processes = new FatJarProcesses(dir)) {
      // When: the JobManager, its gRPC service and a TaskManager, each deployed by the launcher
      processes.startMain("jm", List.of(property, quiet), "io.vertx.launcher.application.VertxApplication",
          "io.vortex.jobmanager.JobManagerVerticle", "-cluster", "-cluster-host", "127.0.0.1");
      var service = processes.startMain("rpc", List.of(property, quiet), "io.vertx.launcher.application.VertxApplication",
          "io.vortex.jobmanager.grpc.JobServiceVerticle", "-cluster", "-cluster-host", "127.0.0.1", "-conf", "{\"rpcPort\": 0}");
      String rpc = processes.awaitReady("rpc", service, SERVICE_READY);
      var tm = processes.startMain("tm", List.of(property, quiet), "io.vertx.launcher.application.VertxApplication",
          "io.vortex.taskmanager.TaskManagerVerticle", "-cluster", "-cluster-host", "127.0.0.1", "-conf", "{\"slots\": 2}");
      processes.awaitReady("tm", tm, TASK_MANAGER_READY);

      // Then
      Path words = Files.writeString(dir.resolve("words.txt"), "to be or not to be\n");
      Path counted = dir.resolve("counted");
      int exit = processes.run("run", "run", "--jobmanager", rpc, "--example", "wordcount",
          "--input", words.toString(), "--output", counted.toString(), "--parallelism", "2");
      assertEquals(0, exit, processes.log("run") + processes.log("jm") + processes.log("tm"));
      assertEquals(List.of("be,2", "not,1", "or,1", "to,2"), ExamplesIT.readLines(counted));
    }
  }
}
