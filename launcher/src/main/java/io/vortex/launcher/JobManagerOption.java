package io.vortex.launcher;

import io.vertx.core.net.SocketAddress;
import io.vortex.cluster.client.VortexClient;
import picocli.CommandLine.Option;

/** The {@code --jobmanager HOST:PORT} option of the commands that talk to a JobManager. */
final class JobManagerOption {
  @Option(names = "--jobmanager", paramLabel = "HOST:PORT", required = true,
      description = "The JobManager's gRPC address (its --rpc-port).")
  String jobManager;

  /** The parsed address; a malformed one is a {@link UsageException}. */
  SocketAddress address() {
    try {
      return VortexClient.parseAddress(jobManager);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--jobmanager: " + e.getMessage());
    }
  }
}
