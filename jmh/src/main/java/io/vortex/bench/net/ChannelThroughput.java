package io.vortex.bench.net;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vortex.api.RuntimeMode;
import io.vortex.api.graph.JobConfig;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.Partitioning;
import io.vortex.bench.ProcessCpu;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.TaskPlacement;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.ChannelItem;
import io.vortex.taskmanager.network.InputChannel;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.OutputChannel;
import io.vortex.taskmanager.network.RecordBatch;
import io.vortex.taskmanager.network.tcp.NetworkChannelTransport;
import io.vortex.taskmanager.network.tcp.NetworkConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Channel throughput between two processes: this JVM produces, a child JVM consumes. Rounds
 * alternate between the raw NetSocket ceiling (32 KiB buffers written while the write queue has
 * room, the receiver only counts bytes, as in notes/stack.md section 3) and a
 * NetworkChannelTransport channel (records of {@code RECORD_BYTES}-byte arrays, batches of 512,
 * serialized, framed, credit-based), each moving the same payload bytes. Prints MB/s and the CPU
 * seconds of both processes per round, then the medians with min-max.
 *
 * <p>Run: {@code java -cp jmh/target/vortex-jmh-*.jar io.vortex.bench.net.ChannelThroughput [GB per round] [rounds]}.
 */
public final class ChannelThroughput {
  private static final int RECORD_BYTES = 1000;
  private static final int BATCH = 512;
  private static final int CHUNK = 32 * 1024;
  private static final String REPLY = "@";

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      Child.run(Integer.parseInt(args[1]));
      return;
    }
    long bytes = (long) (Double.parseDouble(args.length > 0 ? args[0] : "2") * 1e9);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Vertx vertx = Vertx.vertx();
    var transport = new NetworkChannelTransport(vertx, "tm-a", NetworkConfig.defaults("127.0.0.1", 0), new LocalChannelTransport());
    DataAddress self = await(transport.start());
    Process child =
        new ProcessBuilder(
                childCommand(self.port()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
    String[] ports = reply(in).split(" "); // "<raw port> <data port>"
    var peer = new DataAddress("tm-b", "127.0.0.1", Integer.parseInt(ports[1]));
    List<double[]> raw = new ArrayList<>();
    List<double[]> channel = new ArrayList<>();
    try {
      // Round 0 warms both sides' JIT up and is not counted: at 0.5 GB a round lasts 0.3 s.
      for (int r = 0; r <= rounds; r++) {
        String tag = r == 0 ? " (warm-up)" : "";
        double[] rawRound = round("raw", tag, bytes, out, in, () -> rawSend(vertx, Integer.parseInt(ports[0]), bytes));
        String job = "bench-" + r;
        double[] channelRound = round("channel", tag, bytes, out, in, () -> channelSend(vertx, transport, job, self, peer, bytes));
        // Only now: releasing the job drops its channels, frames still waiting for credit included.
        vertx.runOnContext(v -> transport.release(job));
        if (r > 0) {
          raw.add(rawRound);
          channel.add(channelRound);
        }
      }
    } catch (Exception e) {
      child.destroyForcibly(); // a failed round must not leave two JVMs waiting on each other
      throw e;
    }
    out.println("quit");
    child.waitFor(10, TimeUnit.SECONDS);
    summary("raw NetSocket", raw);
    summary("NetworkChannelTransport", channel);
    double ratio = median(channel, 0) / median(raw, 0);
    System.out.printf("channel / raw (medians): %.0f %%%n", 100 * ratio);
    await(transport.close());
    await(vertx.close());
  }

  /** The consumer runs with this JVM's flags (heap, GC, JFR...), so both sides are measured alike. */
  private static List<String> childCommand(int parentDataPort) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChannelThroughput.class.getName(), "--child", Integer.toString(parentDataPort)));
    return command;
  }

  private interface Sender {
    Future<Void> start() throws Exception;
  }

  /** One round: tells the child what comes, sends, waits for its count; {MB/s, parent CPU s, child CPU s}. */
  private static double[] round(String kind, String tag, long bytes, PrintWriter out, BufferedReader in, Sender sender) throws Exception {
    out.println(kind + " " + bytes);
    if (!reply(in).equals("ready")) {
      throw new IllegalStateException("child not ready");
    }
    long cpu0 = ProcessCpu.nanos();
    long t0 = System.nanoTime();
    Future<Void> sent = sender.start();
    String[] done = reply(in).split(" "); // "done <bytes> <cpu nanos>"
    double seconds = (System.nanoTime() - t0) / 1e9;
    await(sent);
    double parentCpu = ProcessCpu.seconds(cpu0, ProcessCpu.nanos());
    double childCpu = Long.parseLong(done[2]) / 1e9;
    double mbps = Long.parseLong(done[1]) / 1e6 / seconds;
    System.out.printf("%-8s %8.0f MB/s  %.2f s  CPU producer %.2f s, consumer %.2f s%s%n", kind, mbps, seconds, parentCpu, childCpu, tag);
    return new double[] {mbps, parentCpu / seconds, childCpu / seconds};
  }

  private static Future<Void> rawSend(Vertx vertx, int port, long bytes) {
    Promise<Void> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(
        v ->
            vertx.createNetClient().connect(port, "127.0.0.1").onSuccess(socket -> {
              Buffer chunk = Buffer.buffer(new byte[CHUNK]);
              long[] left = {bytes};
              Runnable[] pump = new Runnable[1];
              pump[0] = () -> {
                while (left[0] > 0 && !socket.writeQueueFull()) {
                  int n = (int) Math.min(CHUNK, left[0]);
                  socket.write(n == CHUNK ? chunk : chunk.getBuffer(0, n));
                  left[0] -= n;
                }
                if (left[0] > 0) {
                  socket.drainHandler(x -> pump[0].run());
                } else {
                  socket.drainHandler(null); // else a late drain event would end the socket twice
                  socket.end().onComplete(done);
                }
              };
              pump[0].run();
            }).onFailure(done::fail));
    return done.future();
  }

  private static JobGraph graph(String job) {
    return new JobGraph(
        job, job,
        List.of(new JobVertex(0, "src", 1, 128, List.of()), new JobVertex(1, "sink", 1, 128, List.of())),
        List.of(new JobEdge(0, 0, 1, Partitioning.FORWARD, 0, null, null)),
        new JobConfig(RuntimeMode.STREAMING, RuntimeMode.STREAMING, BATCH, 100, false));
  }

  private static List<TaskPlacement> placements(DataAddress producer, DataAddress consumer) {
    return List.of(new TaskPlacement(0, 0, producer), new TaskPlacement(1, 0, consumer));
  }

  private static Future<Void> channelSend(
      Vertx vertx, NetworkChannelTransport transport, String job, DataAddress self, DataAddress peer, long bytes) {
    transport.placeJob(graph(job), placements(self, peer), ChannelThroughput.class.getClassLoader());
    OutputChannel channel = transport.output(new ChannelId(job, 0, 0, 0));
    Promise<Void> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    byte[] record = new byte[RECORD_BYTES];
    long records = bytes / RECORD_BYTES;
    long[] sent = {0};
    Runnable pump = () -> {
      while (sent[0] < records && channel.hasCapacity()) {
        var batch = new RecordBatch(BATCH);
        for (int i = 0; i < BATCH && sent[0] < records; i++) {
          batch.add(record, sent[0]++);
        }
        channel.send(batch);
      }
      if (sent[0] == records && !done.future().isComplete()) {
        channel.send(ChannelEvent.EndOfPartition.INSTANCE);
        done.complete();
      }
    };
    channel.onCapacity(() -> context.runOnContext(v -> pump.run()));
    context.runOnContext(v -> pump.run());
    return done.future();
  }

  /**
   * The child's next protocol line: those start with {@link #REPLY}, so whatever else the JVM
   * prints on stdout (JFR's "Started recording", say) is passed through instead of misread.
   */
  private static String reply(BufferedReader in) throws java.io.IOException {
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith(REPLY)) {
        return line.substring(REPLY.length());
      }
      System.out.println("child: " + line);
    }
    throw new IllegalStateException("the child process ended");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private static double median(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v[v.length / 2];
  }

  private static void summary(String name, List<double[]> rows) {
    double min = rows.stream().mapToDouble(r -> r[0]).min().orElse(0);
    double max = rows.stream().mapToDouble(r -> r[0]).max().orElse(0);
    System.out.printf(
        "%-24s median %6.0f MB/s (min %.0f, max %.0f), CPU cores busy: producer %.2f, consumer %.2f%n",
        name, median(rows, 0), min, max, median(rows, 1), median(rows, 2));
  }

  /** The consuming process: a raw counting server and a transport; rounds driven over stdin/stdout. */
  static final class Child {
    static void run(int parentDataPort) throws Exception {
      Vertx vertx = Vertx.vertx();
      var transport = new NetworkChannelTransport(vertx, "tm-b", NetworkConfig.defaults("127.0.0.1", 0), new LocalChannelTransport());
      DataAddress self = await(transport.start());
      var parent = new DataAddress("tm-a", "127.0.0.1", parentDataPort);
      var expected = new java.util.concurrent.atomic.AtomicLong();
      var received = new java.util.concurrent.atomic.AtomicLong();
      var round = new java.util.concurrent.atomic.AtomicReference<Promise<Void>>();
      int rawPort = await(vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
          .connectHandler((NetSocket s) -> s.handler(b -> {
            if (received.addAndGet(b.length()) == expected.get()) {
              round.get().tryComplete();
            }
          }))
          .listen()).actualPort();
      var stdout = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      stdout.println(REPLY + rawPort + " " + self.port());
      int r = 0;
      for (String line; (line = stdin.readLine()) != null && !line.equals("quit"); ) {
        String[] cmd = line.split(" ");
        long bytes = Long.parseLong(cmd[1]);
        long cpu0 = ProcessCpu.nanos();
        Promise<Void> done = Promise.promise();
        if (cmd[0].equals("raw")) {
          expected.set(bytes);
          received.set(0);
          round.set(done);
          stdout.println(REPLY + "ready");
          await(done.future());
          stdout.println(REPLY + "done " + received.get() + " " + (ProcessCpu.nanos() - cpu0));
        } else {
          String job = "bench-" + r++;
          transport.placeJob(graph(job), placements(parent, self), Child.class.getClassLoader());
          InputChannel channel = transport.input(new ChannelId(job, 0, 0, 0));
          Context ctx = vertx.getOrCreateContext();
          long[] records = {0};
          Runnable drain = () -> {
            for (ChannelItem item; (item = channel.poll()) != null; ) {
              if (item instanceof RecordBatch batch) {
                for (int i = 0; i < batch.size(); i++) {
                  records[0] += ((byte[]) batch.value(i)).length;
                }
              } else if (item == ChannelEvent.EndOfPartition.INSTANCE) {
                done.tryComplete();
              }
            }
          };
          channel.onData(() -> ctx.runOnContext(v -> drain.run()));
          stdout.println(REPLY + "ready");
          await(done.future());
          stdout.println(REPLY + "done " + records[0] + " " + (ProcessCpu.nanos() - cpu0));
          transport.release(job);
        }
      }
      await(transport.close());
      await(vertx.close());
    }
  }
}
