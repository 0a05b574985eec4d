package io.vortex.api.internal.operators;

import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.OperatorKind;

/** The operator factories of keyed windows. Inspectable, so translation can add combiners. */
public final class WindowFactories {
  private WindowFactories() {}

  /** A keyed window; {@code preAggregated} when combiners feed it partials as well as records. */
  public record Keyed(WindowDefinition definition, boolean preAggregated) implements OperatorFactory {
    @Override
    public StreamOperator<?> create() {
      // The merge stage covers what translation plans; tests also feed partials to the general one
      return preAggregated && WindowMergeOperator.supports(definition)
          ? new WindowMergeOperator<>(definition)
          : new WindowOperator<>(definition, preAggregated);
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.WINDOW;
    }

    @Override
    @SuppressWarnings("unchecked")
    public KeySelector<?, ?> keySelector(int input) {
      return preAggregated
          ? new WindowOperator.WindowPartialKey((KeySelector<Object, ?>) definition.key())
          : definition.key();
    }

    /** This window fed by combiners. */
    public Keyed withCombiners() {
      return new Keyed(definition, true);
    }

    /** The combiner to put before this window. */
    public Combiner combiner() {
      return new Combiner(definition);
    }
  }

  /** The first stage of a two-stage window aggregation, chained to the producer. */
  public record Combiner(WindowDefinition definition) implements OperatorFactory {
    @Override
    public StreamOperator<?> create() {
      return new WindowLocalAggregateOperator<>(definition);
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.LOCAL_AGGREGATE;
    }
  }
}
