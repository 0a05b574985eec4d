package io.vortex.cluster.node;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Members leaving the cluster of a clustered Vert.x with the Hazelcast cluster manager, however
 * it was started ({@link ClusterNode}, or the Vert.x launcher's {@code -cluster}): a listener on
 * Hazelcast's membership, which takes any number, unlike the cluster manager's single node
 * listener slot. A Vert.x node id is the member attribute {@value #NODE_ID_ATTRIBUTE} that
 * vertx-hazelcast sets (not the member's uuid). Vert.x's public API does not
 * name a clustered instance's cluster manager, so the member is the one Hazelcast instance of this
 * JVM (one cluster member per process, as {@code vortex jobmanager}, {@code vortex taskmanager}
 * and the launcher run), or the one a {@link ClusterNode} started for it; with none or several
 * unknown ones, nothing is followed.
 *
 * <p>Threading: the handler runs on the context that registered it.
 */
public final class ClusterMembership {
  /** The member attribute holding the Vert.x node id (vertx-hazelcast's HazelcastClusterManager). */
  static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  /** The members {@link ClusterNode}s started, by their Vert.x (thread-safe: nodes start and stop on any thread). */
  private static final java.util.Map<Vertx, HazelcastInstance> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

  private ClusterMembership() {}

  /**
   * Calls {@code handler} with the node id of every member that leaves; returns false (and
   * registers nothing) when {@code vertx} is not clustered with Hazelcast.
   */
  public static boolean onMemberLeft(Vertx vertx, Consumer<String> handler) {
    HazelcastInstance hazelcast = member(vertx);
    if (hazelcast == null) {
      return false;
    }
    var context = vertx.getOrCreateContext();
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        String nodeId = event.getMember().getAttribute(NODE_ID_ATTRIBUTE);
        if (nodeId != null) {
          context.runOnContext(v -> handler.accept(nodeId));
        }
      }
    });
    return true;
  }

  /** This member's node id, or null when {@code vertx} is not clustered (or the member is not known, see above). */
  public static String nodeId(Vertx vertx) {
    HazelcastInstance hazelcast = member(vertx);
    return hazelcast == null ? null : hazelcast.getCluster().getLocalMember().getAttribute(NODE_ID_ATTRIBUTE);
  }

  /**
   * Whether a member with Vert.x node id {@code nodeId} is in {@code vertx}'s cluster now; null
   * when that cannot be told ({@code vertx} is not clustered, or its member is not known, see above).
   */
  public static Boolean isMember(Vertx vertx, String nodeId) {
    HazelcastInstance hazelcast = member(vertx);
    if (hazelcast == null) {
      return null;
    }
    return hazelcast.getCluster().getMembers().stream().anyMatch(m -> nodeId.equals(m.getAttribute(NODE_ID_ATTRIBUTE)));
  }

  /**
   * The member a {@link ClusterNode} started for {@code vertx} (so several in one JVM, as in
   * tests, are told apart), else the JVM's only Hazelcast instance.
   */
  private static HazelcastInstance member(Vertx vertx) {
    if (!vertx.isClustered()) {
      return null;
    }
    HazelcastInstance known = KNOWN.get(vertx);
    if (known != null) {
      return known;
    }
    Set<HazelcastInstance> instances = Hazelcast.getAllHazelcastInstances();
    return instances.size() == 1 ? instances.iterator().next() : null;
  }

  /** {@code hazelcast} is {@code vertx}'s member (called by {@link ClusterNode} once it started). */
  static void remember(Vertx vertx, HazelcastInstance hazelcast) {
    KNOWN.put(vertx, hazelcast);
  }

  static void forget(Vertx vertx) {
    KNOWN.remove(vertx);
  }
}
