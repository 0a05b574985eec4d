package io.vortex.cluster.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig.ValueCollectionType;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import java.util.Objects;

/**
 * How a Vortex process joins its cluster: the cluster name that keeps clusters apart, how members
 * find each other, the interface to bind, and how fast a dead member is noticed.
 *
 * <p>Threading: immutable.
 *
 * @param clusterName members with another name never join this cluster
 * @param discovery how members find each other
 * @param members {@code HOST} or {@code HOST:PORT} of members to contact ({@link Discovery#TCP});
 *     a member without a port is tried on {@code joinPortTryCount} ports from {@code port}
 * @param host the interface Hazelcast and the event bus bind to
 * @param port the first Hazelcast port; the next free one of the following 100 is taken
 * @param joinPortTryCount ports tried for a member written without a port
 * @param heartbeatSeconds how often members send heartbeats
 * @param maxNoHeartbeatSeconds a member silent for this long (a hung JVM, a lost host) is removed;
 *     a killed process is noticed sooner, when its sockets are refused
 * @param kubernetesNamespace the namespace ({@link Discovery#KUBERNETES}; null: the pod's own)
 * @param kubernetesServiceName the service whose endpoints are the members ({@link Discovery#KUBERNETES})
 */
public record ClusterOptions(
    String clusterName,
    Discovery discovery,
    List<String> members,
    String host,
    int port,
    int joinPortTryCount,
    int heartbeatSeconds,
    int maxNoHeartbeatSeconds,
    String kubernetesNamespace,
    String kubernetesServiceName) {

  /** How members find each other. */
  public enum Discovery {
    /** A list of member addresses; works without multicast (the default). */
    TCP,
    /** IP multicast on the local network. */
    MULTICAST,
    /** Hazelcast's Kubernetes discovery: the endpoints of a service in a namespace. */
    KUBERNETES
  }

  public static final String DEFAULT_CLUSTER_NAME = "vortex";
  public static final int DEFAULT_PORT = 5701;

  public ClusterOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    if (clusterName.isBlank()) {
      throw new IllegalArgumentException("the cluster name is empty");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the cluster port must be 0..65535, is " + port);
    }
    if (heartbeatSeconds < 1 || maxNoHeartbeatSeconds <= heartbeatSeconds) {
      throw new IllegalArgumentException("heartbeats need an interval of at least 1 s and a timeout above it, are "
          + heartbeatSeconds + " s and " + maxNoHeartbeatSeconds + " s");
    }
    if (joinPortTryCount < 1) {
      throw new IllegalArgumentException("joinPortTryCount must be at least 1, is " + joinPortTryCount);
    }
    if (discovery == Discovery.TCP && members.isEmpty()) {
      throw new IllegalArgumentException("TCP discovery needs at least one member address");
    }
  }

  /** Loopback defaults: cluster {@code vortex}, members on 127.0.0.1, heartbeat 1 s, removal after 5 s silent. */
  public static ClusterOptions defaults() {
    return new ClusterOptions(DEFAULT_CLUSTER_NAME, Discovery.TCP, List.of("127.0.0.1"), "127.0.0.1",
        DEFAULT_PORT, 20, 1, 5, null, null);
  }

  public ClusterOptions withClusterName(String name) {
    return new ClusterOptions(name, discovery, members, host, port, joinPortTryCount, heartbeatSeconds,
        maxNoHeartbeatSeconds, kubernetesNamespace, kubernetesServiceName);
  }

  /** TCP discovery of these members. */
  public ClusterOptions withMembers(List<String> addresses) {
    return new ClusterOptions(clusterName, Discovery.TCP, addresses, host, port, joinPortTryCount, heartbeatSeconds,
        maxNoHeartbeatSeconds, kubernetesNamespace, kubernetesServiceName);
  }

  public ClusterOptions withHost(String bindHost) {
    return new ClusterOptions(clusterName, discovery, members, bindHost, port, joinPortTryCount, heartbeatSeconds,
        maxNoHeartbeatSeconds, kubernetesNamespace, kubernetesServiceName);
  }

  public ClusterOptions withPort(int basePort) {
    return new ClusterOptions(clusterName, discovery, members, host, basePort, joinPortTryCount, heartbeatSeconds,
        maxNoHeartbeatSeconds, kubernetesNamespace, kubernetesServiceName);
  }

  public ClusterOptions withMulticast() {
    return new ClusterOptions(clusterName, Discovery.MULTICAST, members, host, port, joinPortTryCount,
        heartbeatSeconds, maxNoHeartbeatSeconds, kubernetesNamespace, kubernetesServiceName);
  }

  public ClusterOptions withKubernetes(String namespace, String serviceName) {
    return new ClusterOptions(clusterName, Discovery.KUBERNETES, members, host, port, joinPortTryCount,
        heartbeatSeconds, maxNoHeartbeatSeconds, namespace, serviceName);
  }

  public ClusterOptions withFailureDetection(int heartbeat, int maxNoHeartbeat) {
    return new ClusterOptions(clusterName, discovery, members, host, port, joinPortTryCount, heartbeat,
        maxNoHeartbeat, kubernetesNamespace, kubernetesServiceName);
  }

  /**
   * The Hazelcast configuration: the structures of vertx-hazelcast's default (the event bus's
   * subscriptions and node and HA information, see {@link #withVertxStructures}), with this name,
   * network, discovery and failure detection, no wait before joining, no phone-home and no
   * Hazelcast metrics.
   */
  public Config toHazelcastConfig() {
    Config config = withVertxStructures(new Config());
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    // the default waits 5 s before joining, for members starting at once; our members join one by one
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.heartbeat.interval.seconds", Integer.toString(heartbeatSeconds));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(maxNoHeartbeatSeconds));
    config.setProperty("hazelcast.tcp.join.port.try.count", Integer.toString(joinPortTryCount));
    // Hazelcast's own metrics, for its Management Center: registering and collecting them took
    // about 15 % of a TaskManager's CPU up to its ready line, then a sweep every 5 s;
    // -Dhazelcast.metrics.enabled=true (in VORTEX_JAVA_OPTS) turns them on again
    config.getMetricsConfig().setEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port == 0 ? DEFAULT_PORT : port).setPortAutoIncrement(true).setPortCount(100);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
    JoinConfig join = network.getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(discovery == Discovery.MULTICAST);
    join.getTcpIpConfig().setEnabled(discovery == Discovery.TCP).setMembers(members);
    join.getKubernetesConfig().setEnabled(discovery == Discovery.KUBERNETES);
    if (discovery == Discovery.KUBERNETES) {
      if (kubernetesNamespace != null) {
        join.getKubernetesConfig().setProperty("namespace", kubernetesNamespace);
      }
      if (kubernetesServiceName != null) {
        join.getKubernetesConfig().setProperty("service-name", kubernetesServiceName);
      }
      // pods have many addresses; Kubernetes hands out the right one
      network.getInterfaces().setEnabled(false);
    }
    return config;
  }

  /**
   * The structures vertx-hazelcast's {@code default-cluster.xml} declares, declared in code: that
   * file's loader validates it against Hazelcast's schema, which took 0.7-2.8 s of a member's
   * start (a test keeps the two alike).
   */
  static Config withVertxStructures(Config config) {
    config.getMultiMapConfig("__vertx.subs").setBackupCount(1).setValueCollectionType(ValueCollectionType.SET);
    config.getMapConfig("__vertx.haInfo").setBackupCount(1);
    config.getMapConfig("__vertx.nodeInfo").setBackupCount(1);
    return config;
  }
}
