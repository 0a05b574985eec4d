package io.vortex.api.internal.translate;

import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.Partitioning;

/**
 * An input of a {@link Transform}: which transform feeds it, how records are partitioned, the
 * key selector of a HASH input, which logical input it is (0 or 1), and the side output it
 * reads (null for the main output).
 */
public record TransformInput(
    Transform from,
    Partitioning partitioning,
    KeySelector<?, ?> key,
    int inputIndex,
    String sideOutput) {}
