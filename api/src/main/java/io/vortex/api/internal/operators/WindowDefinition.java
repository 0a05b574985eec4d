package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.window.WindowAssigner;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a keyed window computes: the assigner, the key, the allowed lateness, the side output of
 * late records (or null), the incremental aggregator (or null to keep every element) and the
 * process function (or null to emit the aggregator's result as is). Immutable.
 */
public record WindowDefinition(
    WindowAssigner<?, ?> assigner,
    KeySelector<?, ?> key,
    long allowedLatenessMillis,
    OutputTag<?> lateTag,
    WindowAggregator<?, ?, ?> aggregator,
    ProcessWindowFunction<?, ?, ?, ?> function)
    implements Serializable {
  public WindowDefinition {
    Objects.requireNonNull(assigner, "assigner");
    Objects.requireNonNull(key, "key");
    if (allowedLatenessMillis < 0) {
      throw new IllegalArgumentException("the allowed lateness must not be negative");
    }
    if (aggregator == null && function == null) {
      throw new IllegalArgumentException("a window needs an aggregator or a process function");
    }
  }
}
