package io.vortex.api.internal.translate;

import io.vortex.api.client.InvalidJobException;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.sink.TextFileSink;
import java.util.List;

/**
 * Refuses a job, before it is submitted, whose file sink would overwrite or mix with what is at
 * its output path: the check each sink instance makes again when it starts, made up front so that
 * a bad path is a refused job (nothing deployed) rather than a failed one. It reads this
 * process's file system, which is the TaskManagers' too for {@code vortex local} and for paths on
 * storage the cluster shares.
 */
public final class OutputPathChecks {
  private OutputPathChecks() {}

  /** Throws {@link InvalidJobException} naming the sink and the path's problem. */
  public static void check(String jobName, List<Transform> transforms, int defaultParallelism) {
    for (Transform t : transforms) {
      if (t.factory() instanceof Factories.SinkFactory f && f.sink() instanceof TextFileSink<?> sink) {
        int parallelism = t.parallelism() > 0 ? t.parallelism() : defaultParallelism;
        try {
          TextFileSink.checkOutputPath(sink.path(), parallelism);
        } catch (IllegalArgumentException e) {
          throw new InvalidJobException("job '" + jobName + "' is invalid: sink '" + t.name() + "': " + e.getMessage());
        }
      }
    }
  }
}
