package io.vortex.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;
import io.vortex.cluster.node.ClusterNode;
import io.vortex.cluster.node.ClusterOptions;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One JobManager per cluster: two members of one cluster name (in this JVM), each trying to be it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobManagerClaimTest {
  static {
    System.setProperty("hazelcast.logging.type", "none");
  }

  private static ClusterNode first;
  private static ClusterNode second;

  @BeforeAll
  static void cluster() throws Exception {
    var options = ClusterOptions.defaults().withClusterName("jm-claim-" + UUID.randomUUID());
    first = await(ClusterNode.start(options));
    second = await(ClusterNode.start(options));
  }

  @AfterAll
  static void leave() throws Exception {
    await(second.close());
    await(first.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Future<AsyncMap<String, String>> claims(ClusterNode node) {
    return node.vertx().sharedData().getAsyncMap(JobManagerClaim.MAP);
  }

  @Test
  void when_aSecondJobManagerStartsInTheCluster_then_itIsRefusedNamingTheFirstUntilTheFirstStops() throws Exception {
    // Given
    String running = await(first.vertx().deployVerticle(new JobManagerVerticle()));

    // When
    var refused = assertThrows(ExecutionException.class, () -> await(second.vertx().deployVerticle(new JobManagerVerticle())));

    // Then
    assertTrue(refused.getCause().getMessage().contains("another JobManager already runs in this cluster (member "
        + first.nodeId() + ")"), refused.getCause().getMessage());
    assertEquals(first.nodeId(), await(claims(second).compose(m -> m.get(JobManagerClaim.KEY))));

    // And when the first stops, it gives the claim back and the second starts
    await(first.vertx().undeploy(running));
    String next = await(second.vertx().deployVerticle(new JobManagerVerticle()));
    assertEquals(second.nodeId(), await(claims(first).compose(m -> m.get(JobManagerClaim.KEY))));
    await(second.vertx().undeploy(next));
  }

  @Test
  void when_theClaimNamesAMemberThatLeftTheCluster_then_aNewJobManagerTakesItOver() throws Exception {
    // Given: a JobManager killed without giving its claim back
    await(claims(first).compose(m -> m.put(JobManagerClaim.KEY, "a-member-that-left")));

    // When
    String started = await(second.vertx().deployVerticle(new JobManagerVerticle()));

    // Then
    assertEquals(second.nodeId(), await(claims(first).compose(m -> m.get(JobManagerClaim.KEY))));
    await(second.vertx().undeploy(started));
    String after = await(claims(first).compose(m -> m.get(JobManagerClaim.KEY)));
    assertEquals(null, after, "given back when it stopped");
  }
}
