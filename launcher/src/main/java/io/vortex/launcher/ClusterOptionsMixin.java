package io.vortex.launcher;

import io.vortex.cluster.node.ClusterOptions;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the commands that join a cluster; each also read from an environment variable. */
final class ClusterOptionsMixin {
  @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "${env:VORTEX_CLUSTER_NAME:-vortex}",
      description = "Only members with this name form a cluster (env VORTEX_CLUSTER_NAME; default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Option(names = "--join", paramLabel = "HOST[:PORT],...", defaultValue = "${env:VORTEX_JOIN:-127.0.0.1}",
      description = "Members to contact (Hazelcast ports; a host alone is tried on ports 5701-5720) "
          + "(env VORTEX_JOIN; default: ${DEFAULT-VALUE}).")
  String join;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:VORTEX_HOST:-127.0.0.1}",
      description = "The interface this member binds and announces (env VORTEX_HOST; default: ${DEFAULT-VALUE}).")
  String host;

  /** The cluster settings; a malformed value is a {@link UsageException}. */
  ClusterOptions toOptions() {
    List<String> members = Arrays.stream(join.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String member : members) {
      int colon = member.lastIndexOf(':');
      if (colon >= 0) {
        String port = member.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535 || colon == 0) {
          throw new UsageException("--join: '" + member + "' is not HOST or HOST:PORT");
        }
      }
    }
    if (members.isEmpty()) {
      throw new UsageException("--join: no member address given");
    }
    try {
      return ClusterOptions.defaults().withClusterName(clusterName).withHost(host).withMembers(members);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
