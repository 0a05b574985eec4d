package io.vortex.cluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clustered nodes on loopback: joining, membership events, a graceful leave, clusters kept apart. */
@ExtendWith(VertxExtension.class)
class ClusterNodeTest {
  static {
    System.setProperty("hazelcast.logging.type", "none");
  }

  private final List<ClusterNode> nodes = new ArrayList<>();

  private static ClusterOptions uniqueCluster() {
    return ClusterOptions.defaults().withClusterName("t-" + UUID.randomUUID());
  }

  private ClusterNode start(ClusterOptions options) throws Exception {
    ClusterNode node = ClusterNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    nodes.add(node);
    return node;
  }

  @AfterEach
  void closeNodes() throws Exception {
    for (ClusterNode node : nodes) {
      node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void when_theOnlyMemberOfItsJvm_then_clusterMembershipNamesItByItsVertxNodeId() throws Exception {
    // Given
    ClusterNode node = start(uniqueCluster());

    // Then: the Vert.x node id (a member attribute), which task managers register and membership reports
    assertEquals(node.nodeId(), ClusterMembership.nodeId(node.vertx()));
    assertTrue(ClusterMembership.onMemberLeft(node.vertx(), id -> {}));
    var plain = io.vertx.core.Vertx.vertx();
    try {
      assertEquals(null, ClusterMembership.nodeId(plain), "not clustered");
    } finally {
      plain.close();
    }
  }

  @Test
  @Timeout(90)
  void when_aSecondNodeJoinsAndLeaves_then_theFirstIsToldBoth(VertxTestContext ctx) throws Exception {
    // Given
    ClusterOptions options = uniqueCluster();
    ClusterNode first = start(options);
    List<ClusterNode.MembershipEvent> events = new ArrayList<>();
    var joined = ctx.checkpoint();
    var left = ctx.checkpoint();
    first.vertx().runOnContext(v -> first.onMembership(event -> {
      ctx.verify(() -> assertTrue(io.vertx.core.Vertx.currentContext() != null && io.vertx.core.Vertx.currentContext().isEventLoopContext(), "on the registering context"));
      events.add(event);
      (event.joined() ? joined : left).flag();
    }));

    // When: a second member joins, then leaves gracefully
    ClusterNode second = start(options);
    String secondId = second.nodeId();
    ctx.verify(() -> assertEquals(2, first.members().size(), "members " + first.members()));
    nodes.remove(second);
    second.close().onComplete(ctx.succeeding(v -> { }));

    // Then
    assertTrue(ctx.awaitCompletion(30, TimeUnit.SECONDS), "membership events " + events);
    assertEquals(List.of(new ClusterNode.MembershipEvent(secondId, true), new ClusterNode.MembershipEvent(secondId, false)),
        List.copyOf(events));
  }

  @Test
  @Timeout(90)
  void when_twoClusterNamesOnOneHost_then_theyStayApart() throws Exception {
    // Given / When
    ClusterNode a = start(uniqueCluster());
    ClusterNode b = start(uniqueCluster());

    // Then
    assertEquals(List.of(a.nodeId()), a.members());
    assertEquals(List.of(b.nodeId()), b.members());
  }

  @Test
  void when_defaults_then_tcpOnLoopbackWithTunedFailureDetectionAndNoWaitBeforeJoin() {
    // When
    Config config = ClusterOptions.defaults().withClusterName("c1").toHazelcastConfig();

    // Then
    assertEquals("c1", config.getClusterName());
    assertTrue(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1"), config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    assertFalse(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
    assertFalse(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled());
    assertEquals("1", config.getProperty("hazelcast.heartbeat.interval.seconds"));
    assertEquals("5", config.getProperty("hazelcast.max.no.heartbeat.seconds"));
    assertEquals("0", config.getProperty("hazelcast.wait.seconds.before.join"));
    assertEquals("false", config.getProperty("hazelcast.phone.home.enabled"));
    assertFalse(config.getMetricsConfig().isEnabled(), "Hazelcast metrics off: they cost start-up CPU");
    assertTrue(config.getMapConfigs().containsKey("__vertx.nodeInfo"), "vertx-hazelcast's structures kept");
  }

  @Test
  void when_multicastOrKubernetesChosen_then_onlyThatJoinerIsEnabled() {
    // When
    var multicast = ClusterOptions.defaults().withMulticast().toHazelcastConfig().getNetworkConfig().getJoin();
    var kubernetes = ClusterOptions.defaults().withKubernetes("ns", "vortex-svc").toHazelcastConfig().getNetworkConfig().getJoin();

    // Then
    assertTrue(multicast.getMulticastConfig().isEnabled());
    assertFalse(multicast.getTcpIpConfig().isEnabled());
    assertTrue(kubernetes.getKubernetesConfig().isEnabled());
    assertFalse(kubernetes.getTcpIpConfig().isEnabled());
    assertEquals("vortex-svc", kubernetes.getKubernetesConfig().getProperty("service-name"));
    assertEquals("ns", kubernetes.getKubernetesConfig().getProperty("namespace"));
  }

  @Test
  void when_failureDetectionTuned_then_theHeartbeatPropertiesFollow() {
    Config config = ClusterOptions.defaults().withFailureDetection(2, 9).toHazelcastConfig();
    assertEquals("2", config.getProperty("hazelcast.heartbeat.interval.seconds"));
    assertEquals("9", config.getProperty("hazelcast.max.no.heartbeat.seconds"));
  }

  @Test
  void when_configBuilt_then_vertxHazelcastsStructuresAreTheOnesOfItsDefaultFile() {
    // Given vertx-hazelcast's own default-cluster.xml, parsed as it does
    Config vertxDefault = io.vertx.spi.cluster.hazelcast.ConfigUtil.loadConfig();

    // When
    Config ours = ClusterOptions.defaults().toHazelcastConfig();

    // Then every map and multimap it declares is declared alike (a new vertx-hazelcast adding one fails here)
    assertEquals(named(vertxDefault.getMultiMapConfigs()), named(ours.getMultiMapConfigs()));
    assertEquals(named(vertxDefault.getMapConfigs()), named(ours.getMapConfigs()));
    assertEquals(named(vertxDefault.getSetConfigs()), named(ours.getSetConfigs()));
    assertEquals(named(vertxDefault.getListConfigs()), named(ours.getListConfigs()));
    vertxDefault.getMultiMapConfigs().forEach((name, c) -> assertEquals(c, ours.getMultiMapConfig(name), name));
    vertxDefault.getMapConfigs().forEach((name, c) -> assertEquals(c, ours.getMapConfig(name), name));
  }

  /** The structures' names, without Hazelcast's "default" entry that a new Config has. */
  private static java.util.Set<String> named(java.util.Map<String, ?> configs) {
    var names = new java.util.TreeSet<>(configs.keySet());
    names.remove("default");
    return names;
  }
}
