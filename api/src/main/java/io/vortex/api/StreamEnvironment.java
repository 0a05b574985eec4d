package io.vortex.api;

import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.client.JobResult;
import io.vortex.api.graph.JobConfig;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.internal.RecordTypes;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.translate.JobGraphBuilder;
import io.vortex.api.internal.translate.OutputPathChecks;
import io.vortex.api.internal.translate.Transform;
import io.vortex.api.internal.translate.TransformInput;
import io.vortex.api.source.CollectionSource;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.source.Source;
import io.vortex.api.source.TextFileSource;
import io.vortex.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds jobs: start from a source, transform, end in sinks, then {@link #execute(String)} (runs
 * the job and waits for it, as in Flink) or {@link #executeAsync(String)} (returns a handle).
 *
 * <p>Threading: confined to the thread that builds the job.
 */
public final class StreamEnvironment {
  private final JobExecutor executor;
  private final List<Transform> transforms = new ArrayList<>();
  private RuntimeMode mode = RuntimeMode.AUTOMATIC;
  private int parallelism;
  private int batchSize = JobConfig.DEFAULT_BATCH_SIZE;
  private long bufferTimeoutMillis = JobConfig.DEFAULT_BUFFER_TIMEOUT_MILLIS;
  private int nextId;

  private static volatile ContextEnvironment context;

  /** What {@link #create()} uses while the {@code vortex} command runs a job's main. */
  private record ContextEnvironment(JobExecutor executor, Consumer<StreamEnvironment> defaults) {}

  /**
   * Installs what {@link #create()} uses: the launcher calls this before a job's main, with the
   * command line's defaults ({@code --parallelism}, {@code --mode}), which the job's own setters
   * override, as with {@code flink run -p}. {@code null} uninstalls.
   */
  public static void setContextEnvironment(JobExecutor executor, Consumer<StreamEnvironment> defaults) {
    context = executor == null ? null : new ContextEnvironment(executor, Objects.requireNonNull(defaults, "defaults"));
  }

  private StreamEnvironment(JobExecutor executor) {
    this.executor = executor;
  }

  /** An environment that submits to {@code executor} (a mini-cluster or a remote JobManager). */
  public static StreamEnvironment create(JobExecutor executor) {
    return new StreamEnvironment(Objects.requireNonNull(executor, "executor"));
  }

  /**
   * An environment for the executor the {@code vortex} command installed (when a job's {@code
   * main} runs under it), else the {@link JobExecutor} found by {@link ServiceLoader}.
   */
  public static StreamEnvironment create() {
    ContextEnvironment installed = context;
    if (installed != null) {
      StreamEnvironment env = new StreamEnvironment(installed.executor());
      installed.defaults().accept(env);
      return env;
    }
    JobExecutor executor =
        ServiceLoader.load(JobExecutor.class)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException(
                    "no JobExecutor on the classpath: pass one to StreamEnvironment.create(executor)"));
    return new StreamEnvironment(executor);
  }

  public StreamEnvironment setRuntimeMode(RuntimeMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  public RuntimeMode runtimeMode() {
    return mode;
  }

  /** Default parallelism of every operator (default: the cluster's slots, or the cores). */
  public StreamEnvironment setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  public int parallelism() {
    if (parallelism > 0) {
      return parallelism;
    }
    int slots = executor.totalSlots();
    return slots > 0 ? slots : Runtime.getRuntime().availableProcessors();
  }

  /** Records per network batch (default 512). */
  public StreamEnvironment setBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * Longest time a partly filled batch waits before it is sent (default 100 ms). Batches are sent
   * at once whenever the producing task has no more input ready, so this bounds latency only
   * under sustained load.
   */
  public StreamEnvironment setBufferTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("the buffer timeout must not be negative");
    }
    this.bufferTimeoutMillis = timeout.toMillis();
    return this;
  }

  public <T> DataStream<T> fromSource(Source<T> source, String name) {
    Objects.requireNonNull(source, "source");
    Transform t = addTransform(name, new Factories.SourceFactory(source), List.of());
    t.setOutputType(RecordTypes.argument(source, Source.class, 0, false));
    return new DataStream<>(this, List.of(new DataStream.Ref(t, null)));
  }

  /** {@code stream}, whose source makes records of {@code type} (null: unknown). */
  private static <T> DataStream<T> ofType(DataStream<T> stream, Class<?> type) {
    stream.producer().setOutputType(type);
    return stream;
  }

  /** A source whose records get timestamps and watermarks from {@code strategy}. */
  public <T> DataStream<T> fromSource(Source<T> source, WatermarkStrategy<T> strategy, String name) {
    return fromSource(source, name).assignTimestampsAndWatermarks(strategy);
  }

  @SafeVarargs
  public final <T> DataStream<T> fromElements(T... elements) {
    return fromCollection(Arrays.asList(elements));
  }

  public <T> DataStream<T> fromCollection(List<T> elements) {
    return ofType(fromSource(new CollectionSource<>(elements), "collection"), RecordTypes.commonClass(elements));
  }

  /** Records {@code 0 .. count-1} made by {@code generator}. */
  public <T> DataStream<T> generate(long count, GeneratorSource.SerializableLongFunction<T> generator) {
    return ofType(fromSource(GeneratorSource.of(count, generator), "generator"), RecordTypes.argument(generator, java.util.function.LongFunction.class, 0, true));
  }

  /** The lines of a file, or of the files of a directory. */
  public DataStream<String> readTextFile(String path) {
    return ofType(fromSource(TextFileSource.lines(path), "text " + path), String.class);
  }

  /** Builds the job graph without running it. */
  public JobGraph buildJobGraph(String jobName) {
    return JobGraphBuilder.build(
        UUID.randomUUID().toString(),
        jobName,
        transforms,
        mode,
        parallelism(),
        batchSize,
        bufferTimeoutMillis);
  }

  /**
   * Runs the job and waits until it ends, as Flink's {@code execute} does; not on an event loop.
   *
   * @return the finished job's result (duration, counters)
   * @throws io.vortex.api.client.TaskFailureException when an operator failed
   * @throws io.vortex.api.client.InvalidJobException when the JobManager refused the job
   * @throws io.vortex.api.client.JobCancelledException when the job was cancelled
   */
  public JobResult execute(String jobName) {
    return executeAsync(jobName).result().await();
  }

  /**
   * Submits the job and returns at once; the handle's result completes when the job ends.
   *
   * @throws io.vortex.api.client.InvalidJobException at once when a file sink's output path
   *     exists as a file or non-empty directory (it would be overwritten or mixed with)
   */
  public JobClient executeAsync(String jobName) {
    JobGraph graph = buildJobGraph(jobName);
    OutputPathChecks.check(jobName, transforms, parallelism());
    return executor.submit(graph);
  }

  Transform addTransform(String name, io.vortex.api.internal.operators.OperatorFactory factory, List<TransformInput> inputs) {
    Transform t = new Transform(nextId++, name, factory, inputs);
    transforms.add(t);
    return t;
  }
}
