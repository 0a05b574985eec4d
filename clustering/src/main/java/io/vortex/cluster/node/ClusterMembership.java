package io.vortex.cluster.node;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.function.Consumer;

/**
 * Members leaving the cluster of a clustered Vert.x with the Hazelcast cluster manager, however
 * it was started ({@link ClusterNode}, or the Vert.x launcher's {@code -cluster}): a listener on
 * Hazelcast's membership, which takes any number, unlike the cluster manager's single node
 * listener slot. A Vert.x node id is its Hazelcast member's uuid.
 *
 * <p>Threading: the handler runs on the context that registered it.
 */
public final class ClusterMembership {
  private ClusterMembership() {}

  /**
   * Calls {@code handler} with the node id of every member that leaves; returns false (and
   * registers nothing) when {@code vertx} is not clustered with Hazelcast.
   */
  public static boolean onMemberLeft(Vertx vertx, Consumer<String> handler) {
    if (!vertx.isClustered()
        || !(((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hazelcast)) {
      return false;
    }
    var context = vertx.getOrCreateContext();
    hazelcast.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        String nodeId = event.getMember().getUuid().toString();
        context.runOnContext(v -> handler.accept(nodeId));
      }
    });
    return true;
  }

  /** This member's node id, or null when {@code vertx} is not clustered. */
  public static String nodeId(Vertx vertx) {
    return vertx.isClustered() ? ((VertxInternal) vertx).clusterManager().getNodeId() : null;
  }
}
