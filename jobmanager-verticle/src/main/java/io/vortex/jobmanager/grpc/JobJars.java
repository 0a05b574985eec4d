package io.vortex.jobmanager.grpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.FetchJobJar;
import io.vortex.cluster.ControlMessage.JobJarChunk;
import io.vortex.cluster.rpc.JobService;
import io.vortex.jobmanager.JobManagerVerticle;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JobManager's blob store of job jars (as Flink's blob server): a client uploads a jar, jobs
 * submitted with its id use it, and TaskManagers fetch it by job id over the event bus in chunks
 * ({@link FetchJobJar}). A jar's file is deleted when the last job using it ends (or, if no job
 * ever used it, when the service stops).
 *
 * <p>Threading: confined to the gRPC service verticle's event loop.
 */
final class JobJars {
  /** Bytes per chunk a TaskManager fetches. */
  static final int CHUNK_BYTES = 1 << 20;
  /** The largest jar accepted. */
  static final long MAX_JAR_BYTES = 512L << 20;

  private final Vertx vertx;
  private final Map<String, Jar> jars = new HashMap<>();
  private final Map<String, String> jarOfJob = new HashMap<>();
  private MessageConsumer<ControlMessage> consumer;

  private record Jar(String path, long size) {}

  JobJars(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<Void> start() {
    consumer = vertx.eventBus().consumer(Addresses.JOB_JARS, this::onFetch);
    return consumer.completion();
  }

  /** Stores an uploaded jar; completes with its id and size. */
  Future<JobService.JarUploaded> store(ReadStream<Buffer> upload) {
    String id = UUID.randomUUID().toString();
    return vertx.fileSystem().createTempFile("vortex-job-", ".jar")
        .compose(path -> vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
            .compose(file -> upload.pipeTo(file).map(path)))
        .compose(path -> vertx.fileSystem().props(path).map(props -> {
          jars.put(id, new Jar(path, props.size()));
          return new JobService.JarUploaded(id, props.size());
        }));
  }

  boolean exists(String jarId) {
    return jars.containsKey(jarId);
  }

  /** The job uses the jar until {@link #jobEnded}. */
  void use(String jobId, String jarId) {
    jarOfJob.put(jobId, jarId);
  }

  void jobEnded(String jobId) {
    String jarId = jarOfJob.remove(jobId);
    if (jarId != null && !jarOfJob.containsValue(jarId)) {
      delete(jarId);
    }
  }

  Future<Void> stop() {
    jars.keySet().stream().toList().forEach(this::delete);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void delete(String jarId) {
    Jar jar = jars.remove(jarId);
    if (jar != null) {
      vertx.fileSystem().delete(jar.path());
    }
  }

  private void onFetch(Message<ControlMessage> message) {
    if (!(message.body() instanceof FetchJobJar fetch)) {
      message.fail(JobManagerVerticle.INVALID_JOB, "unexpected message " + message.body().getClass().getSimpleName());
      return;
    }
    String jarId = jarOfJob.get(fetch.jobId());
    Jar jar = jarId == null ? null : jars.get(jarId);
    if (jar == null) {
      message.fail(JobManagerVerticle.UNKNOWN_JOB, "job " + fetch.jobId() + " has no jar");
      return;
    }
    if (fetch.offset() < 0 || fetch.offset() > jar.size()) {
      message.fail(JobManagerVerticle.INVALID_JOB, "offset " + fetch.offset() + " is outside the jar of " + jar.size() + " bytes");
      return;
    }
    int length = (int) Math.min(CHUNK_BYTES, jar.size() - fetch.offset());
    vertx.fileSystem().open(jar.path(), new OpenOptions().setRead(true))
        .compose(file -> file.read(Buffer.buffer(length), 0, fetch.offset(), length).eventually(file::close))
        .onSuccess(bytes -> message.reply(new JobJarChunk(fetch.jobId(), fetch.offset(), jar.size(), bytes.getBytes())))
        .onFailure(e -> message.fail(500, "cannot read the jar of job " + fetch.jobId() + ": " + e.getMessage()));
  }
}
