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
 * and the launcher run); with none or several, nothing is followed.
 *
 * <p>Threading: the handler runs on the context that registered it.
 */
public final class ClusterMembership {
  /** The member attribute holding the Vert.x node id (vertx-hazelcast's HazelcastClusterManager). */
  static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

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

  private static HazelcastInstance member(Vertx vertx) {
    if (!vertx.isClustered()) {
      return null;
    }
    Set<HazelcastInstance> instances = Hazelcast.getAllHazelcastInstances();
    return instances.size() == 1 ? instances.iterator().next() : null;
  }
}
