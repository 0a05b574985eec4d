package io.vortex.api.internal.operators;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.sink.Sink;
import io.vortex.api.source.Source;
import java.io.Serializable;
import java.util.function.Supplier;

/** The operator factories the API puts into job graphs. */
public final class Factories {
  private Factories() {}

  /** A serializable supplier: lambdas passed where one is expected become one. */
  @FunctionalInterface
  public interface OperatorSupplier extends Supplier<StreamOperator<?>>, Serializable {}

  /** Creates operators with a supplier; names the key selectors of keyed operators. */
  public record Simple(
      OperatorKind kind,
      OperatorSupplier supplier,
      KeySelector<?, ?> firstKey,
      KeySelector<?, ?> secondKey)
      implements OperatorFactory {
    @Override
    public StreamOperator<?> create() {
      return supplier.get();
    }

    @Override
    public KeySelector<?, ?> keySelector(int input) {
      return input == 0 ? firstKey : secondKey;
    }
  }

  /** A source: the task reads it directly instead of creating an operator. */
  public record SourceFactory(Source<?> source) implements OperatorFactory {
    @Override
    public StreamOperator<?> create() {
      throw new UnsupportedOperationException("a source is read by its task, not created as an operator");
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.SOURCE;
    }
  }

  /** A sink. */
  public record SinkFactory(Sink<?> sink) implements OperatorFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StreamOperator<?> create() {
      return new SinkOperator(sink);
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.SINK;
    }
  }

  /** A keyed reduce; BATCH translation puts a combiner before it. */
  public record KeyedReduce(ReduceFunction<?> function, KeySelector<?, ?> key)
      implements OperatorFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StreamOperator<?> create() {
      return new KeyedReduceOperator(function, key);
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.KEYED_REDUCE;
    }

    @Override
    public KeySelector<?, ?> keySelector(int input) {
      return key;
    }
  }

  /** A keyed aggregate; {@code preAggregated} when a combiner feeds it {@link KeyedPartial}s. */
  public record KeyedAggregate(
      AggregateFunction<?, ?, ?> function, KeySelector<?, ?> key, boolean preAggregated)
      implements OperatorFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StreamOperator<?> create() {
      return new KeyedAggregateOperator(function, key, preAggregated);
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.KEYED_AGGREGATE;
    }

    @Override
    public KeySelector<?, ?> keySelector(int input) {
      return preAggregated ? (KeySelector<KeyedPartial<?, ?>, Object>) KeyedPartial::key : key;
    }
  }

  /** The combiner of a two-stage batch aggregation. */
  public record LocalAggregate(
      KeySelector<?, ?> key, ReduceFunction<?> reduce, AggregateFunction<?, ?, ?> aggregate)
      implements OperatorFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StreamOperator<?> create() {
      return reduce != null
          ? LocalAggregateOperator.reducing((KeySelector) key, (ReduceFunction) reduce)
          : LocalAggregateOperator.aggregating((KeySelector) key, (AggregateFunction) aggregate);
    }

    @Override
    public OperatorKind kind() {
      return OperatorKind.LOCAL_AGGREGATE;
    }
  }

  public static Simple of(OperatorKind kind, OperatorSupplier supplier) {
    return new Simple(kind, supplier, null, null);
  }

  public static Simple keyed(OperatorKind kind, KeySelector<?, ?> key, OperatorSupplier supplier) {
    return new Simple(kind, supplier, key, null);
  }

  public static Simple twoKeyed(
      OperatorKind kind, KeySelector<?, ?> first, KeySelector<?, ?> second, OperatorSupplier s) {
    return new Simple(kind, s, first, second);
  }
}
