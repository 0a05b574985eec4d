package io.vortex.api;

import io.vortex.api.function.FilterFunction;
import io.vortex.api.function.FlatMapFunction;
import io.vortex.api.function.IterableFlatMapFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.MapFunction;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.KeyTypes;
import io.vortex.api.internal.RecordTypes;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.FilterOperator;
import io.vortex.api.internal.operators.FlatMapOperator;
import io.vortex.api.internal.operators.IterableFlatMapOperator;
import io.vortex.api.internal.operators.MapOperator;
import io.vortex.api.internal.operators.OperatorFactory;
import io.vortex.api.internal.operators.ProcessOperator;
import io.vortex.api.internal.operators.TimestampsAndWatermarksOperator;
import io.vortex.api.internal.translate.Transform;
import io.vortex.api.internal.translate.TransformInput;
import io.vortex.api.sink.CollectSink;
import io.vortex.api.sink.PrintSink;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.TextFileSink;
import io.vortex.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.vortex.api.sink.CsvFormat;

/**
 * A stream of records of type {@code T}. Every operation adds an operator and returns the stream
 * it produces; {@link #name}, {@link #setParallelism} and {@link #setMaxParallelism} configure
 * the operator that produced this stream.
 */
public class DataStream<T> {
  /** A producer of this stream's records: an operator's main output or one of its side outputs. */
  record Ref(Transform transform, String sideOutput) {}

  final StreamEnvironment env;
  final List<Ref> refs;
  final Partitioning partitioning;

  DataStream(StreamEnvironment env, List<Ref> refs) {
    this(env, refs, Partitioning.FORWARD);
  }

  DataStream(StreamEnvironment env, List<Ref> refs, Partitioning partitioning) {
    this.env = env;
    this.refs = List.copyOf(refs);
    this.partitioning = partitioning;
  }

  public StreamEnvironment environment() {
    return env;
  }

  public <R> DataStream<R> map(MapFunction<T, R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return apply("map", Factories.of(OperatorKind.MAP, () -> new MapOperator<>(mapper)),
        RecordTypes.argument(mapper, MapFunction.class, 1, true));
  }

  public DataStream<T> filter(FilterFunction<T> filter) {
    Objects.requireNonNull(filter, "filter");
    return keepingType("filter", Factories.of(OperatorKind.FILTER, () -> new FilterOperator<>(filter)));
  }

  /**
   * Turns each record into zero or more records, given to a {@code Collector}, each with the
   * input's timestamp (as Flink's {@code flatMap}). One call runs to its end: what it collects
   * beyond the room of the output channels waits on the heap and goes out before the next input
   * record is taken, so the channels stay within their bound but the heap holds that call's
   * overflow. For a large or unbounded fan-out use {@link #flatMapIterable}, which pulls its
   * records only as there is room.
   */
  public <R> DataStream<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    Objects.requireNonNull(flatMapper, "flatMapper");
    return apply("flatMap", Factories.of(OperatorKind.FLAT_MAP, () -> new FlatMapOperator<>(flatMapper)),
        RecordTypes.argument(flatMapper, FlatMapFunction.class, 1, false));
  }

  /**
   * Turns each record into the records of the {@link Iterable} {@code flatMapper} returns (null:
   * none), each with the input's timestamp, pulled one at a time only while the output channels
   * have room, as Hazelcast Jet's {@code flatMap(item -> Traverser)}: a fan-out of any size (one
   * record into a million, or a lazily computed sequence) keeps the channels within their bound,
   * holds only the iterator, and is emitted over several task steps, so the event loop is not held
   * and other tasks of the slot keep running. A watermark or the end of input waits until the
   * iterator is exhausted. The iterator is used on the task's thread only; an exception it throws
   * fails the task, naming this operator.
   *
   * <p>As for {@link #flatMap}, a lambda's output type is erased: declare it with {@link
   * #returns} (a class implementing {@link IterableFlatMapFunction} keeps it).
   *
   * <pre>{@code
   * env.readTextFile("in.txt")
   *     .flatMapIterable((String line) -> Arrays.asList(line.split(" ")))
   *     .returns(String.class)
   * }</pre>
   */
  public <R> DataStream<R> flatMapIterable(IterableFlatMapFunction<T, R> flatMapper) {
    Objects.requireNonNull(flatMapper, "flatMapper");
    return apply("flatMapIterable",
        Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(flatMapper)),
        RecordTypes.argument(flatMapper, IterableFlatMapFunction.class, 1, false));
  }

  public <R> DataStream<R> process(ProcessFunction<T, R> function) {
    Objects.requireNonNull(function, "function");
    return apply("process", Factories.of(OperatorKind.PROCESS, () -> new ProcessOperator<>(function)),
        RecordTypes.argument(function, ProcessFunction.class, 1, false));
  }

  /** Assigns event timestamps and watermarks (replacing upstream watermarks). */
  public DataStream<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    Objects.requireNonNull(strategy, "strategy");
    return keepingType(
        "timestamps",
        Factories.of(OperatorKind.TIMESTAMPS, () -> new TimestampsAndWatermarksOperator<>(strategy)));
  }

  /**
   * Partitions by key: records of one key go to one parallel instance, with its keyed state.
   * Keys hash the same in every JVM: enums by name, records, tuples and lists from their
   * components; arrays and classes without {@code hashCode}/{@code equals} are refused (here
   * when the selector's key type says so, else on the first record).
   */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
    Objects.requireNonNull(key, "key");
    KeyTypes.check(key, "keyBy after '" + describe() + "'");
    return new KeyedStream<>(env, refs, key);
  }

  /** The producers' names, for messages. */
  String describe() {
    return String.join("', '", refs.stream().map(r -> r.transform().name()).toList());
  }

  /**
   * Joins this stream with {@code other} in windows, as in Flink: {@code
   * join(other).where(key1).equalTo(key2).window(assigner).apply(joinFunction)} emits every pair
   * of elements, one from each stream, with equal keys in the same window.
   */
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return new JoinedStreams<>(this, other);
  }

  /** Spreads records round robin over the next operator's instances. */
  public DataStream<T> rebalance() {
    return new DataStream<>(env, refs, Partitioning.REBALANCE);
  }

  /** Sends every record to every instance of the next operator. */
  public DataStream<T> broadcast() {
    return new DataStream<>(env, refs, Partitioning.BROADCAST);
  }

  /** Merges streams of the same type; order across streams is not defined. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<Ref> all = new ArrayList<>(refs);
    for (DataStream<T> other : others) {
      if (other.env != env) {
        throw new IllegalArgumentException("cannot union streams of different environments");
      }
      all.addAll(other.refs);
    }
    return new DataStream<>(env, all, partitioning);
  }

  /** The side output {@code tag} of the operator that produced this stream. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    Objects.requireNonNull(tag, "tag");
    Transform producer = producer();
    producer.readSideOutput(tag.id(), tag.type() == null ? null : RecordTypes.box(tag.type()));
    return new DataStream<>(env, List.of(new Ref(producer, tag.id())));
  }

  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    Objects.requireNonNull(sink, "sink");
    Transform t = env.addTransform("sink", new Factories.SinkFactory(sink), inputs(null));
    return new DataStreamSink<>(t);
  }

  /** Prints every record to standard output. */
  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>()).name("print");
  }

  /**
   * Streams the records back to the client, with backpressure: read them with {@code
   * JobClient.collectedStream(name)}, or all at once with {@code JobClient.collected(name)}.
   */
  public DataStreamSink<T> collect(String name) {
    return sinkTo(new CollectSink<>(name)).name("collect " + name);
  }

  /**
   * As {@link #collect(String)}, failing the job when the client has acknowledged none of a sink
   * instance's batches for {@code creditTimeout} (default {@value CollectSink#DEFAULT_CREDIT_TIMEOUT_MILLIS} ms).
   */
  public DataStreamSink<T> collect(String name, Duration creditTimeout) {
    return sinkTo(new CollectSink<>(name, creditTimeout)).name("collect " + name);
  }

  /** Writes one line per record: a file at parallelism 1, else a directory of part files. */
  public DataStreamSink<T> writeAsText(String path) {
    return sinkTo(TextFileSink.of(path)).name("text " + path);
  }

  public DataStreamSink<T> writeAsText(String path, MapFunction<T, String> formatter) {
    return sinkTo(TextFileSink.of(path, formatter)).name("text " + path);
  }

  /** Writes one CSV line per record: tuple fields or record components, comma-separated. */
  public DataStreamSink<T> writeAsCsv(String path) {
    return sinkTo(TextFileSink.of(path, new CsvFormat<>())).name("csv " + path);
  }

  /** Names the operator that produced this stream (shown in errors and events). */
  public DataStream<T> name(String name) {
    producer().setName(name);
    return this;
  }

  public DataStream<T> setParallelism(int parallelism) {
    producer().setParallelism(parallelism);
    return this;
  }

  public DataStream<T> setMaxParallelism(int maxParallelism) {
    producer().setMaxParallelism(maxParallelism);
    return this;
  }

  Transform producer() {
    if (refs.size() != 1) {
      throw new IllegalStateException(
          "this stream is a union of several operators: configure each before the union");
    }
    return refs.get(0).transform();
  }

  /**
   * Declares the class of this stream's records, as Flink's {@code returns}: for a function whose
   * output type Java erases (a lambda {@code flatMap}, a generic lambda, a function returning an
   * interface), so that records cross the network with {@code type}'s serializer and no class
   * name; it overrides the type Vortex found. Every record must then be an instance of {@code
   * type} (or null): a record of another class fails the job, naming this operator and both
   * classes, when it is sent to another TaskManager. Records of exactly {@code type} are the
   * fastest; subclasses and nulls still work, with their class named per batch.
   *
   * <pre>{@code
   * env.fromElements("a b", "c")
   *     .flatMap((String line, Collector<String> out) -> ...)
   *     .returns(String.class)
   * }</pre>
   */
  public DataStream<T> returns(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (type == void.class || type == Void.class) {
      throw new IllegalArgumentException("returns(" + type.getName() + "): records need a class with values");
    }
    producer().setOutputType(RecordTypes.box(type));
    return this;
  }

  /** Adds an operator producing records of {@code outputType} (null: unknown). */
  <R> DataStream<R> apply(String name, OperatorFactory factory, Class<?> outputType) {
    Transform t = env.addTransform(name, factory, inputs(null));
    t.setOutputType(outputType);
    return new DataStream<>(env, List.of(new Ref(t, null)));
  }

  /** Adds an operator whose records are this stream's. */
  DataStream<T> keepingType(String name, OperatorFactory factory) {
    Transform t = env.addTransform(name, factory, inputs(null));
    t.keepInputType();
    return new DataStream<>(env, List.of(new Ref(t, null)));
  }

  List<TransformInput> inputs(KeySelector<?, ?> key) {
    return inputs(key, 0);
  }

  List<TransformInput> inputs(KeySelector<?, ?> key, int inputIndex) {
    List<TransformInput> inputs = new ArrayList<>();
    Partitioning p = key != null ? Partitioning.HASH : partitioning;
    for (Ref ref : refs) {
      inputs.add(new TransformInput(ref.transform(), p, key, inputIndex, ref.sideOutput()));
    }
    return inputs;
  }
}
