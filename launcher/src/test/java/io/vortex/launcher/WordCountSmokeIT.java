package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.tuple.Tuple2;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WordCountSmokeIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void when_wordCountInBothModes_then_finalCountsAreExact() {
    for (RuntimeMode mode : List.of(RuntimeMode.BATCH, RuntimeMode.STREAMING)) {
      // Given
      var env = StreamEnvironment.create(cluster).setParallelism(4).setRuntimeMode(mode);
      env.fromElements("a b c", "a b", "a")
          .flatMap((String line, io.vortex.api.function.Collector<Tuple2<String, Long>> out) ->
              Arrays.stream(line.split(" ")).forEach(w -> out.collect(Tuple2.of(w, 1L))))
          .keyBy(Tuple2::f0)
          .reduce((a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1()))
          .collect("counts");
      // When
      var job = env.executeAsync("wordcount");
      job.result().await();
      // Then
      Map<String, Long> last = new TreeMap<>();
      job.<Tuple2<String, Long>>collected("counts").forEach(t -> last.merge(t.f0(), t.f1(), Math::max));
      assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L), last, "mode " + mode);
    }
  }
}
