package io.vortex.launcher;

import io.vortex.cluster.node.ClusterNode;
import io.vortex.cluster.node.ClusterOptions;
import io.vortex.jobmanager.JobManagerVerticle;
import io.vortex.jobmanager.grpc.JobServiceVerticle;
import io.vortex.taskmanager.TaskManagerConfig;
import io.vortex.taskmanager.TaskManagerVerticle;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.tcp.NetworkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The training run of the build's class-data archive ({@code target/vortex.jsa}, see the
 * launcher's pom): the JVM runs this with {@code -XX:DumpLoadedClassList}, the build stores the
 * classes it loaded parsed and verified ({@code -Xshare:dump}), and the {@code vortex} script's
 * JVMs map them instead of loading them again. A TaskManager's start was mostly class loading:
 * about 10 CPU seconds, 6-7 s on 2 cores.
 *
 * <p>So that one archive serves every command, this loads what each of them does: a JobManager
 * and two TaskManagers of one slot each in one clustered Vert.x (a loopback cluster of its own
 * name), {@code vortex run} of every example at parallelism 2 against them, so keyed records
 * cross the data plane's TCP, and {@code vortex local} of one example. It writes only in a
 * temporary directory, which it removes.
 */
final class ClassArchiveTraining {
  private ClassArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    JvmDefaults.apply(); // as every vortex command does, so the archive holds the classes they load
    Path dir = Files.createTempDirectory("vortex-class-archive-");
    try {
      System.exit(train(dir));
    } finally {
      deleteTree(dir);
    }
  }

  private static int train(Path dir) throws IOException {
    ClusterMember.configureHazelcastLog();
    var options = ClusterOptions.defaults().withClusterName("vortex-class-archive-" + UUID.randomUUID());
    ClusterNode node = ClusterNode.start(options).await();
    try {
      var rpc = new JobServiceVerticle(options.host(), 0);
      node.vertx().deployVerticle(new JobManagerVerticle(Duration.ofSeconds(60))).await();
      node.vertx().deployVerticle(rpc).await();
      for (String id : new String[] {"tm-training-1", "tm-training-2"}) {
        var config = new TaskManagerConfig(id, 1, node.nodeId(), NetworkConfig.defaults(options.host(), 0));
        node.vertx().deployVerticle(new TaskManagerVerticle(config, new LocalChannelTransport())).await();
      }
      String jobManager = options.host() + ":" + rpc.actualPort();
      int failed = 0;
      for (String example : new String[] {"wordcount", "fraud-detection", "monitoring"}) {
        failed += run(dir, example, example + "-run", "run", "--jobmanager", jobManager);
      }
      failed += run(dir, "wordcount", "wordcount-local", "local");
      return failed == 0 ? 0 : 1;
    } finally {
      node.close().await();
    }
  }

  /** Runs {@code vortex COMMAND ... --example EXAMPLE} on a small input of its format, files named {@code name}. */
  private static int run(Path dir, String example, String name, String... command) throws IOException {
    Path input = dir.resolve(name + ".in");
    Files.writeString(input, sampleInput(example), StandardCharsets.UTF_8);
    String[] args = Stream.concat(Stream.of(command), Stream.of("--example", example, "--input", input.toString(),
        "--output", dir.resolve(name + ".out").toString(), "--parallelism", "2")).toArray(String[]::new);
    int exit = VortexCommand.execute(args);
    if (exit != 0) {
      System.err.println("vortex class-archive training: " + String.join(" ", args) + " exited " + exit);
    }
    return exit;
  }

  private static String sampleInput(String example) {
    return switch (example) {
      case "wordcount" -> "to be or not to be\nthat is the question\n";
      case "fraud-detection" -> "timestampMillis,accountId,amount\n1000,a1,0.50\n2000,a1,900.00\n3000,a2,12.50\n";
      case "monitoring" -> "timestampMillis,rackId,hostId,temperature\n1000,r1,h1,20.5\n2000,r2,h2,99.0\n61000,r1,h1,21.0\n";
      default -> throw new IllegalArgumentException(example);
    };
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
