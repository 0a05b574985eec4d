package io.vortex.taskmanager;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.FetchJobJar;
import io.vortex.cluster.ControlMessage.JobJarChunk;
import io.vortex.taskmanager.network.EndedJobIds;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Each job's class loader on this TaskManager: a job submitted with a jar gets a loader over
 * that jar (fetched from the JobManager by job id, in chunks, into a temporary file), child of
 * the TaskManager's own; a job without one uses the TaskManager's classpath. The loader is closed
 * and the file deleted when the job is released. A new job needs no restart.
 *
 * <p>Threading: confined to the TaskManager verticle's event loop.
 */
final class JobClassLoaders {
  /** The JobManager answers 404 for a job without a jar. */
  private static final int NO_JAR = 404;

  private final Vertx vertx;
  private final ClassLoader parent;
  private final Map<String, URLClassLoader> loaders = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();
  private final EndedJobIds released = new EndedJobIds();

  JobClassLoaders(Vertx vertx, ClassLoader parent) {
    this.vertx = vertx;
    this.parent = parent;
  }

  /** The job's class loader, fetching its jar first if it has one. */
  Future<ClassLoader> forJob(String jobId) {
    URLClassLoader known = loaders.get(jobId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return request(jobId, 0)
        .compose(first -> first == null ? Future.succeededFuture(parent) : download(jobId, first))
        .recover(e -> Future.failedFuture(new IOException("cannot fetch the jar of job " + jobId + ": " + e.getMessage(), e)));
  }

  /** Whether the job was released while its jar was on its way (its tasks must not start). */
  boolean isReleased(String jobId) {
    return released.contains(jobId);
  }

  /** The job is over here: closes its loader and deletes its jar. */
  void release(String jobId) {
    released.add(jobId);
    URLClassLoader loader = loaders.remove(jobId);
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        // closing only releases the jar file: nothing to recover
      }
    }
    String file = files.remove(jobId);
    if (file != null) {
      vertx.fileSystem().delete(file);
    }
  }

  private Future<ClassLoader> download(String jobId, JobJarChunk first) {
    return vertx.fileSystem().createTempFile("vortex-job-" + jobId + "-", ".jar")
        .compose(path -> {
          files.put(jobId, path);
          return vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
              .compose(file -> writeFrom(jobId, file, first).eventually(file::close))
              .map(v -> loader(jobId, path));
        });
  }

  /** Writes {@code chunk}, then fetches and writes the next ones until the jar is complete. */
  private Future<Void> writeFrom(String jobId, AsyncFile file, JobJarChunk chunk) {
    return file.write(Buffer.buffer(chunk.bytes()), chunk.offset()).compose(v -> {
      long next = chunk.offset() + chunk.bytes().length;
      if (next >= chunk.size()) {
        return Future.succeededFuture();
      }
      if (chunk.bytes().length == 0) {
        return Future.failedFuture(new IOException("empty chunk at " + chunk.offset() + " of " + chunk.size()));
      }
      return request(jobId, next).compose(c -> writeFrom(jobId, file, c));
    });
  }

  private ClassLoader loader(String jobId, String path) {
    if (released.contains(jobId)) {
      return parent; // the tasks will not start; the file was deleted with the release
    }
    try {
      var loader = new URLClassLoader("vortex-job-" + jobId, new URL[] {Path.of(path).toUri().toURL()}, parent);
      loaders.put(jobId, loader);
      return loader;
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One chunk, or null when the job has no jar (or no JobManager serves jars). */
  private Future<JobJarChunk> request(String jobId, long offset) {
    return vertx.eventBus()
        .<ControlMessage>request(Addresses.JOB_JARS, new FetchJobJar(jobId, offset), new DeliveryOptions().setSendTimeout(30_000))
        .map(reply -> (JobJarChunk) reply.body())
        .recover(e -> e instanceof ReplyException re
                && (re.failureType() == ReplyFailure.NO_HANDLERS || re.failureCode() == NO_JAR) && offset == 0
            ? Future.succeededFuture(null)
            : Future.failedFuture(e));
  }
}
