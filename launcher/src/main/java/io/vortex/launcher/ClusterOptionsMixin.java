package io.vortex.launcher;

import io.vortex.cluster.node.ClusterOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of the commands that join a cluster. Each is a flag, else an environment variable,
 * else a key of the {@code --config} file, else its default ({@link Settings}); so the flags hold
 * text, null when absent, and are checked here rather than by picocli.
 *
 * <p>Threading: confined to the command's thread.
 */
final class ClusterOptionsMixin {
  @Option(names = "--config", paramLabel = "FILE",
      description = "A properties file of settings, keys as the flags without '--' (env VORTEX_CONFIG). "
          + "Flags win over environment variables, which win over the file.")
  String config;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "Only members with this name form a cluster (env VORTEX_CLUSTER_NAME; default: vortex).")
  String clusterName;

  @Option(names = "--join", paramLabel = "HOST[:PORT],...",
      description = "tcp discovery: members to contact (Hazelcast ports; a host alone is tried on ports 5701-5720) "
          + "(env VORTEX_JOIN; default: 127.0.0.1).")
  String join;

  @Option(names = "--host", paramLabel = "HOST",
      description = "The interface this member binds and announces (env VORTEX_HOST; default: 127.0.0.1).")
  String host;

  @Option(names = "--discovery", paramLabel = "tcp|multicast|kubernetes",
      description = "How members find each other: the --join list, IP multicast, or the endpoints of a "
          + "Kubernetes service (env VORTEX_DISCOVERY; default: tcp).")
  String discovery;

  @Option(names = "--kubernetes-namespace", paramLabel = "NAMESPACE",
      description = "kubernetes discovery: the service's namespace (env VORTEX_KUBERNETES_NAMESPACE; default: the pod's).")
  String kubernetesNamespace;

  @Option(names = "--kubernetes-service", paramLabel = "SERVICE",
      description = "kubernetes discovery: the service whose endpoints are the members "
          + "(env VORTEX_KUBERNETES_SERVICE; default: every endpoint of the namespace).")
  String kubernetesService;

  @Option(names = "--heartbeat-interval", paramLabel = "SECONDS",
      description = "How often members send heartbeats (env VORTEX_HEARTBEAT_INTERVAL; default: 1).")
  String heartbeatInterval;

  @Option(names = "--heartbeat-timeout", paramLabel = "SECONDS",
      description = "A member silent this long (hung, or its host lost) is removed; a killed process is "
          + "noticed within about a second anyway (env VORTEX_HEARTBEAT_TIMEOUT; default: 5).")
  String heartbeatTimeout;

  private Settings settings;

  /** The settings of this command line: the config file is read once, on first use. */
  Settings settings() {
    if (settings == null) {
      settings = Settings.load(config, System.getenv());
    }
    return settings;
  }

  /** The cluster settings; a malformed value is a {@link UsageException}. */
  ClusterOptions toOptions() {
    return toOptions(settings());
  }

  /** The cluster settings from {@code s}, this command line's flags first. */
  ClusterOptions toOptions(Settings s) {
    ClusterOptions options = ClusterOptions.defaults()
        .withClusterName(s.get(Setting.CLUSTER_NAME, clusterName).required())
        .withHost(s.get(Setting.HOST, host).required());
    options = withDiscovery(options, s);
    Settings.Value interval = s.get(Setting.HEARTBEAT_INTERVAL, heartbeatInterval);
    Settings.Value timeout = s.get(Setting.HEARTBEAT_TIMEOUT, heartbeatTimeout);
    int intervalSeconds = interval.intIn(1, 3_600);
    int timeoutSeconds = timeout.intIn(1, 3_600);
    if (timeoutSeconds <= intervalSeconds) {
      throw timeout.invalid("must be above the heartbeat interval (" + intervalSeconds + " s, " + interval.origin() + ")");
    }
    return options.withFailureDetection(intervalSeconds, timeoutSeconds);
  }

  private ClusterOptions withDiscovery(ClusterOptions options, Settings s) {
    Settings.Value kind = s.get(Setting.DISCOVERY, discovery);
    switch (kind.text().toLowerCase(Locale.ROOT)) {
      case "tcp":
        return options.withMembers(members(s.get(Setting.JOIN, join)));
      case "multicast":
        return options.withMulticast();
      case "kubernetes":
        return options.withKubernetes(s.get(Setting.KUBERNETES_NAMESPACE, kubernetesNamespace).orNull(),
            s.get(Setting.KUBERNETES_SERVICE, kubernetesService).orNull());
      default:
        throw kind.invalid("must be tcp, multicast or kubernetes");
    }
  }

  private static List<String> members(Settings.Value join) {
    List<String> members = Arrays.stream(join.text().split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    for (String member : members) {
      int colon = member.lastIndexOf(':');
      if (colon >= 0) {
        String port = member.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535 || colon == 0) {
          throw new UsageException(join.origin() + ": '" + member + "' is not HOST or HOST:PORT");
        }
      }
    }
    if (members.isEmpty()) {
      throw new UsageException(join.origin() + ": no member address given");
    }
    return members;
  }
}
