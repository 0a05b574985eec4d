package io.vortex.taskmanager.task;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.UserCode;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.source.Source;
import io.vortex.api.source.SourceReader;
import io.vortex.api.source.SourceReaderContext;
import io.vortex.api.source.SourceSplit;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.ChannelTransport;
import io.vortex.taskmanager.network.InputChannel;
import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.OutputChannel;
import io.vortex.taskmanager.network.Partitioner;
import io.vortex.taskmanager.network.RecordWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Task} of one subtask from the job graph: opens its channels, creates its
 * source reader or input gate, its operator chain and record writers.
 */
public final class TaskFactory {
  private final Vertx vertx;
  private final ChannelTransport transport;
  private final ClientChannelSender client;
  private final ClassLoader classLoader;
  /** The job's execution attempt these tasks belong to: their channel ids carry it. */
  private final int attempt;
  private final PendingCloses closing;

  public TaskFactory(Vertx vertx, ChannelTransport transport, ClientChannelSender client, ClassLoader loader) {
    this(vertx, transport, client, loader, 0, new PendingCloses());
  }

  public TaskFactory(
      Vertx vertx, ChannelTransport transport, ClientChannelSender client, ClassLoader loader, int attempt,
      PendingCloses closing) {
    this.closing = closing;
    this.vertx = vertx;
    this.transport = transport;
    this.client = client;
    this.classLoader = loader;
    this.attempt = attempt;
  }

  /** Sends collected records to the job's client; completes when the client has room for them. */
  @FunctionalInterface
  public interface ClientChannelSender {
    Future<Void> send(String sink, int subtask, List<?> records);
  }

  /** Creates the task; call on the slot's event loop (operators open here). */
  public Task create(JobGraph graph, int vertexId, int subtask, SlotRunner runner, Task.Listener listener)
      throws Exception {
    JobVertex vertex = graph.vertex(vertexId);
    String jobId = graph.jobId();
    TaskId id = new TaskId(jobId, attempt, vertexId, subtask);
    TaskClock clock = new TaskClock();
    clock.setWakeup(runner::wakeup);
    Map<String, Long> counters = new HashMap<>();
    List<TaskOutput.Route> routes = routes(graph, vertex, subtask);
    List<RecordWriter> writers = routes.stream().map(TaskOutput.Route::writer).toList();
    var services =
        new TaskServices(
            jobId,
            subtask,
            vertex.parallelism(),
            vertex.maxParallelism(),
            graph.config().mode(),
            vertx,
            classLoader,
            clock,
            counters,
            client::send,
            runner::wakeup,
            closing);
    var specs = vertex.isSource() ? vertex.chain().subList(1, vertex.chain().size()) : vertex.chain();
    var chain = new OperatorChain(specs, new TaskOutput(routes), services);
    TaskInput input;
    try {
      input = vertex.isSource() ? sourceInput(vertex, subtask, runner) : gateInput(graph, vertex, subtask, runner);
    } catch (Exception | Error e) {
      closeQuietly(chain); // its opened sinks hold in-progress files the failed task must not leave
      throw e;
    }
    for (RecordWriter w : writers) {
      w.onCapacity(runner::wakeup);
    }
    return new Task(
        id,
        vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")",
        input,
        chain,
        writers,
        clock,
        counters,
        graph.config().bufferTimeoutMillis(),
        listener);
  }

  private static void closeQuietly(OperatorChain chain) {
    try {
      chain.close();
    } catch (RuntimeException ignored) {
      // the task fails with the input's error; a failing close must not hide it
    }
  }

  @SuppressWarnings("unchecked")
  private TaskInput sourceInput(JobVertex vertex, int subtask, SlotRunner runner) throws Exception {
    var factory = (Factories.SourceFactory) UserCode.<Object>deserialize(vertex.head().factory(), classLoader);
    Source<Object> source = (Source<Object>) factory.source();
    String name = vertex.head().name();
    try {
      List<SourceSplit> all = source.createSplits(vertex.parallelism());
      List<SourceSplit> mine = new ArrayList<>();
      for (int i = subtask; i < all.size(); i += vertex.parallelism()) {
        mine.add(all.get(i));
      }
      SourceReader<Object> reader =
          source.createReader(
              new SourceReaderContext() {
                @Override
                public int subtaskIndex() {
                  return subtask;
                }

                @Override
                public int parallelism() {
                  return vertex.parallelism();
                }

                @Override
                public Vertx vertx() {
                  return vertx;
                }

                @Override
                public ClassLoader classLoader() {
                  return classLoader;
                }

                @Override
                public void wakeup() {
                  runner.wakeup();
                }

                @Override
                public void closing(Future<?> done) {
                  closing.add(done);
                }
              });
      reader.addSplits(mine);
      return new SourceInput(reader, name);
    } catch (Exception | Error e) {
      throw OperatorException.wrap(name, e);
    }
  }

  private TaskInput gateInput(JobGraph graph, JobVertex vertex, int subtask, SlotRunner runner) {
    List<InputChannel> channels = new ArrayList<>();
    List<Integer> inputOf = new ArrayList<>();
    List<JobEdge> edges = graph.edges();
    for (int e = 0; e < edges.size(); e++) {
      JobEdge edge = edges.get(e);
      if (edge.target() != vertex.id()) {
        continue;
      }
      JobVertex producer = graph.vertex(edge.source());
      for (int p = 0; p < producer.parallelism(); p++) {
        if (edge.partitioning() == Partitioning.FORWARD && p != subtask) {
          continue;
        }
        channels.add(transport.input(new ChannelId(graph.jobId(), attempt, e, p, subtask)));
        inputOf.add(edge.targetInput());
      }
    }
    var gate = new InputGate(channels, inputOf.stream().mapToInt(Integer::intValue).toArray());
    gate.onData(runner::wakeup);
    return new GateInput(gate);
  }

  /** The writers of the vertex's output edges; side outputs by their operator's chain position. */
  @SuppressWarnings("unchecked")
  private List<TaskOutput.Route> routes(JobGraph graph, JobVertex vertex, int subtask) {
    int firstOperator = vertex.isSource() ? 1 : 0; // a source is read, not part of the chain
    List<TaskOutput.Route> routes = new ArrayList<>();
    List<JobEdge> edges = graph.edges();
    for (int e = 0; e < edges.size(); e++) {
      JobEdge edge = edges.get(e);
      if (edge.source() != vertex.id()) {
        continue;
      }
      JobVertex consumer = graph.vertex(edge.target());
      List<OutputChannel> channels = new ArrayList<>();
      for (int c = 0; c < consumer.parallelism(); c++) {
        if (edge.partitioning() == Partitioning.FORWARD && c != subtask) {
          continue;
        }
        channels.add(transport.output(new ChannelId(graph.jobId(), attempt, e, subtask, c)));
      }
      KeySelector<Object, ?> key =
          edge.keySelector() == null ? null : UserCode.deserialize(edge.keySelector(), classLoader);
      Partitioner partitioner =
          Partitioner.of(edge.partitioning(), key, consumer.maxParallelism(), channels.size(), subtask);
      var writer =
          new RecordWriter(
              channels, partitioner, edge.partitioning() == Partitioning.BROADCAST, graph.config().batchSize());
      routes.add(new TaskOutput.Route(writer, edge.sourceOperator() - firstOperator, edge.sideOutput()));
    }
    return routes;
  }
}
