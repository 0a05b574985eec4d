package io.vortex.taskmanager.network.tcp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.TaskPlacement;
import io.vortex.taskmanager.network.EndedJobIds;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.ChannelTransport;
import io.vortex.taskmanager.network.InputChannel;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.OutputChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threading: {@link #output}, {@link #input}, {@link #placeJob}, {@link #failTask} and {@link
 * #release} from any thread; connections, credits and the peer table live on one connection
 * context (given, or the context that constructed the transport; a TaskManager gives its first
 * slot's). Channels between TaskManagers over TCP, beside the {@link LocalChannelTransport} for channels inside
 * this one: a channel whose other end runs here passes objects as before; one whose other end
 * runs elsewhere (by the job's placements) is framed over the one connection to that TaskManager,
 * with credit-based flow control. A job without placements is entirely local.
 *
 * <p>The TaskManager with the smaller id dials, so each pair shares exactly one connection.
 */
public final class NetworkChannelTransport implements ChannelTransport {
  private static final System.Logger LOG = System.getLogger(NetworkChannelTransport.class.getName());

  private final Vertx vertx;
  private final Context context;
  private final String taskManagerId;
  private final NetworkConfig config;
  private final LocalChannelTransport local;
  private final CreditPool pool;
  private final DataServer server;
  private final NetClient client;
  private final Map<String, JobPlacements> jobs = new ConcurrentHashMap<>();
  private final Map<ChannelId, RemoteOutputChannel> outputs = new ConcurrentHashMap<>();
  private final Map<ChannelId, RemoteInputChannel> inputs = new ConcurrentHashMap<>();
  /** Jobs released here (the newest ones): late frames for them are dropped. */
  private final EndedJobIds released = new EndedJobIds();
  // connection context
  private final Map<String, PeerConnection> peers = new HashMap<>();
  private volatile DataAddress address;

  /** Connections on the calling context (or a fresh event loop one). */
  public NetworkChannelTransport(Vertx vertx, String taskManagerId, NetworkConfig config, LocalChannelTransport local) {
    this(vertx, vertx.getOrCreateContext(), taskManagerId, config, local);
  }

  /** Connections, credits and the peer table on {@code connectionContext}, an event-loop context. */
  public NetworkChannelTransport(
      Vertx vertx, Context connectionContext, String taskManagerId, NetworkConfig config, LocalChannelTransport local) {
    this.vertx = vertx;
    this.context = connectionContext;
    this.taskManagerId = taskManagerId;
    this.config = config;
    this.local = local;
    this.pool = new CreditPool(config.totalBuffers(), config.bufferSize());
    this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    this.server =
        new DataServer(
            vertx,
            new DataServer.Acceptor() {
              @Override
              public PeerConnection accept(String peerId, NetSocket socket, FrameDecoder decoder) {
                return acceptConnection(peerId, socket, decoder);
              }

              @Override
              public void onFrame(PeerConnection from, Frame frame) {
                dispatch(from, frame);
              }
            });
  }

  /** Binds the data server; completes with the address other TaskManagers reach it at. */
  public Future<DataAddress> start() {
    Promise<DataAddress> bound = Promise.promise();
    context.runOnContext(
        v ->
            server
                .listen(config.host(), config.port())
                .map(port -> new DataAddress(taskManagerId, config.host(), port))
                .onSuccess(a -> address = a)
                .onComplete(bound));
    return bound.future();
  }

  /** The bound address (after {@link #start()}). */
  public DataAddress address() {
    return address;
  }

  /**
   * Learns where the job's subtasks run (before its tasks open channels) and connects to the
   * TaskManagers it shares channels with.
   *
   * @throws NetworkMemoryException when the job's remote input channels here need more
   *     exclusive buffers than the network memory holds
   */
  @Override
  public void placeJob(JobGraph graph, int attempt, List<TaskPlacement> placements, ClassLoader loader) {
    if (placements.isEmpty()) {
      return;
    }
    var job = new JobPlacements(graph, attempt, placements, loader);
    int needed = job.remoteInputs(taskManagerId) * config.exclusiveBuffers();
    if (needed > pool.total()) {
      throw new NetworkMemoryException(
          "job " + graph.name() + " (" + graph.jobId() + ") needs " + needed + " network buffers of "
              + config.bufferSize() + " B on TaskManager " + taskManagerId + " but only " + pool.total()
              + " are configured (" + config.memoryBytes() + " B of network memory); raise the network memory or lower the parallelism");
    }
    jobs.put(graph.jobId(), job);
    Set<DataAddress> peers = job.peers(taskManagerId);
    context.runOnContext(v -> peers.forEach(this::peer));
  }

  @Override
  public OutputChannel output(ChannelId id) {
    JobPlacements job = jobs.get(id.jobId());
    DataAddress consumer = job == null ? null : job.consumer(id);
    if (consumer == null || consumer.taskManagerId().equals(taskManagerId)) {
      return local.output(id);
    }
    RemoteOutputChannel channel = outputs.computeIfAbsent(id, this::newOutput);
    channel.codec(job.codec(id));
    context.runOnContext(v -> channel.peer(peer(consumer)));
    return channel;
  }

  @Override
  public InputChannel input(ChannelId id) {
    JobPlacements job = jobs.get(id.jobId());
    DataAddress producer = job == null ? null : job.producer(id);
    if (producer == null || producer.taskManagerId().equals(taskManagerId)) {
      return local.input(id);
    }
    RemoteInputChannel channel = inputs.computeIfAbsent(id, k -> new RemoteInputChannel(k, context));
    channel.codec(job.codec(id));
    context.runOnContext(v -> open(channel, producer));
    return channel;
  }

  private RemoteOutputChannel newOutput(ChannelId id) {
    return new RemoteOutputChannel(id, context, config.outputQueueBuffers(), config.bufferSize());
  }

  private void open(RemoteInputChannel channel, DataAddress producer) {
    if (channel.isOpen() || channel.isFailed() || released.contains(channel.id().jobId())) {
      return;
    }
    PeerConnection peer = peer(producer);
    if (peer.isClosed()) {
      channel.fail(failure(channel.id(), peer.closedBy()));
      return;
    }
    try {
      ChannelId id = channel.id();
      channel.open(peer, new ConsumerCredits(pool, config.exclusiveBuffers(), config.maxFloatingBuffers(), n -> peer.write(FrameCodec.encode(new Frame.Credit(id, n))), id));
    } catch (NetworkMemoryException e) {
      channel.fail(new ChannelFailedException(e.getMessage(), e));
    }
  }

  /** Connection context: the connection to that TaskManager, dialled by the smaller id. */
  private PeerConnection peer(DataAddress address) {
    PeerConnection existing = peers.get(address.taskManagerId());
    if (existing != null) {
      return existing;
    }
    var connection = new PeerConnection(address.taskManagerId(), this::connectionLost);
    peers.put(address.taskManagerId(), connection);
    if (taskManagerId.compareTo(address.taskManagerId()) < 0) {
      client
          .connect(address.port(), address.host())
          .onSuccess(
              socket -> {
                socket.write(FrameCodec.encode(new Frame.Hello(taskManagerId)));
                connection.attach(socket, new FrameDecoder(NetworkConfig.MAX_FRAME_LENGTH, f -> dispatch(connection, f)));
              })
          .onFailure(e -> connection.fail(new ChannelFailedException("cannot connect to TaskManager " + address + ": " + e.getMessage(), e)));
    }
    return connection;
  }

  private PeerConnection acceptConnection(String peerId, NetSocket socket, FrameDecoder decoder) {
    if (peerId.equals(taskManagerId) || peerId.compareTo(taskManagerId) > 0) {
      LOG.log(System.Logger.Level.ERROR, "refusing a data connection from " + peerId + ": the smaller id dials");
      return null;
    }
    PeerConnection connection = peers.computeIfAbsent(peerId, id -> new PeerConnection(id, this::connectionLost));
    if (connection.isClosed()) { // an earlier connection failed: this is a new one
      connection = new PeerConnection(peerId, this::connectionLost);
      peers.put(peerId, connection);
    }
    connection.attach(socket, decoder);
    return connection;
  }

  /** Connection context: one frame from {@code from}. */
  private void dispatch(PeerConnection from, Frame frame) {
    if (frame instanceof Frame.Credit c) {
      onCredit(from, c);
    } else if (frame instanceof Frame.Data d) {
      deliver(from, d.channel(), d);
    } else if (frame instanceof Frame.Event e) {
      deliver(from, e.channel(), e);
    } else if (frame instanceof Frame.Fail f) {
      var cause = new ChannelFailedException("the other end of " + f.channel() + " failed: " + f.message());
      RemoteOutputChannel out = outputs.get(f.channel());
      if (out != null) {
        out.fail(cause);
      }
      RemoteInputChannel in = inputs.get(f.channel());
      if (in != null) {
        in.fail(cause);
      }
    } else {
      throw new FrameException("unexpected " + frame.getClass().getSimpleName() + " from " + from.peerId() + " on an open connection");
    }
  }

  private void onCredit(PeerConnection from, Frame.Credit c) {
    if (released.contains(c.channel().jobId()) || isEarlierAttempt(c.channel())) {
      return;
    }
    RemoteOutputChannel out = outputs.computeIfAbsent(c.channel(), this::newOutput);
    if (out.peer() == null) {
      out.peer(from);
    } else if (out.peer() != from) {
      throw new FrameException("credit for " + c.channel() + " from TaskManager " + from.peerId() + ", not its consumer's");
    }
    out.onCredit(c.credits());
  }

  /** A channel of an attempt of its job older than the one placed here: its frames are late. */
  private boolean isEarlierAttempt(ChannelId id) {
    JobPlacements job = jobs.get(id.jobId());
    return job != null && id.attempt() < job.attempt;
  }

  private void deliver(PeerConnection from, ChannelId id, Frame frame) {
    if (released.contains(id.jobId()) || isEarlierAttempt(id)) {
      return;
    }
    RemoteInputChannel in = inputs.computeIfAbsent(id, k -> new RemoteInputChannel(k, context));
    if (in.peer() != null && in.peer() != from) {
      throw new FrameException("frame for " + id + " from TaskManager " + from.peerId() + ", not its producer's");
    }
    in.deliver(frame);
  }

  /** Connection context: fails every channel the connection carried. */
  private void connectionLost(PeerConnection connection) {
    if (peers.get(connection.peerId()) == connection) {
      peers.remove(connection.peerId());
    }
    Throwable cause = connection.closedBy();
    for (RemoteOutputChannel out : outputs.values()) {
      if (out.peer() == connection) {
        out.fail(failure(out.id(), cause));
      }
    }
    for (RemoteInputChannel in : inputs.values()) {
      if (in.peer() == connection) {
        in.fail(failure(in.id(), cause));
      }
    }
  }

  private static ChannelFailedException failure(ChannelId id, Throwable cause) {
    return new ChannelFailedException(id + " failed: " + cause.getMessage(), cause);
  }

  /**
   * The task (vertex, subtask) of the job failed: its remote channels fail here and at their
   * other ends, so the tasks there stop at once.
   */
  @Override
  public void failTask(String jobId, int vertexId, int subtask, String cause) {
    JobPlacements job = jobs.get(jobId);
    if (job == null) {
      return;
    }
    String message = "task " + vertexId + "." + subtask + " of job " + jobId + " failed: " + cause;
    context.runOnContext(
        v -> {
          var failure = new ChannelFailedException(message);
          for (RemoteOutputChannel out : outputs.values()) {
            if (out.id().jobId().equals(jobId) && job.isEnd(out.id(), vertexId, subtask) && !out.isFailed()) {
              out.fail(failure);
              tell(out.peer(), out.id(), message);
            }
          }
          for (RemoteInputChannel in : inputs.values()) {
            if (in.id().jobId().equals(jobId) && job.isEnd(in.id(), vertexId, subtask) && !in.isFailed()) {
              in.fail(failure);
              tell(in.peer(), in.id(), message);
            }
          }
        });
  }

  private static void tell(PeerConnection peer, ChannelId id, String message) {
    if (peer != null) {
      peer.write(FrameCodec.encode(new Frame.Fail(id, message)));
    }
  }

  @Override
  public void release(String jobId) {
    local.release(jobId);
    released.add(jobId);
    jobs.remove(jobId);
    context.runOnContext(
        v -> {
          outputs.values().removeIf(out -> out.id().jobId().equals(jobId));
          inputs.values().removeIf(
              in -> {
                if (!in.id().jobId().equals(jobId)) {
                  return false;
                }
                in.release();
                return true;
              });
        });
  }

  /** Free receive buffers, for tests and metrics (connection context). */
  public Future<Integer> freeBuffers() {
    Promise<Integer> free = Promise.promise();
    context.runOnContext(v -> free.complete(pool.free()));
    return free.future();
  }

  /** Closes the server and every connection. */
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(
        v -> {
          for (PeerConnection c : new ArrayList<>(peers.values())) {
            c.fail(new ChannelFailedException("the data plane of TaskManager " + taskManagerId + " closed"));
          }
          server.close().compose(x -> client.close()).onComplete(closed);
        });
    return closed.future();
  }
}
