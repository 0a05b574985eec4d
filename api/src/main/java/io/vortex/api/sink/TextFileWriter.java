package io.vortex.api.sink;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vortex.api.function.MapFunction;
import java.io.IOException;

/**
 * Writes one sink instance's lines to its hidden in-progress file through a Vert.x {@link
 * AsyncFile}, in chunks, with backpressure: while the file's write queue is full the writer is
 * not {@linkplain #isReady() ready}, so the task takes no input, and the file's drain handler
 * wakes the task. The first write error fails the job at once, naming the file. On finish the
 * file is forced to disk and closed; on commit it is moved into place; without a commit, close
 * removes it.
 *
 * <p>Threading: confined to the owning task's event loop; the file was opened there, so its
 * handlers and futures complete there too. Only the commit's file moves run on a worker.
 */
final class TextFileWriter<T> implements SinkWriter<T> {
  /** Bytes per file write: large enough to amortise a write, small enough to bound the queue. */
  static final int CHUNK_BYTES = 64 * 1024;
  /** Queued bytes at which the writer stops taking records. */
  static final int WRITE_QUEUE_BYTES = 4 * CHUNK_BYTES;

  private final MapFunction<T, String> formatter;
  private final SinkContext context;
  private final OutputLayout.Part part;
  private final AsyncFile file;
  private Buffer pending = Buffer.buffer(CHUNK_BYTES);
  private Throwable writeError;
  /** The file's write queue was full after the last chunk and has not drained since. */
  private boolean queueFull;
  private boolean fileClosed;
  private boolean committed;

  TextFileWriter(String path, MapFunction<T, String> formatter, SinkContext context) {
    this.formatter = formatter;
    this.context = context;
    this.part = OutputLayout.of(path, context.parallelism()).part(context.subtaskIndex());
    // Opened in place (a few microseconds of metadata work at task start) rather than on a
    // worker, so that close() always knows the file exists and can remove it before it returns:
    // when the JVM stops on a signal, nothing may be left behind.
    this.file = context.vertx().fileSystem().openBlocking(
        part.inProgress().toString(), new OpenOptions().setCreateNew(true).setWrite(true));
    file.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    file.drainHandler(v -> {
      queueFull = false;
      context.wakeup();
    });
    file.exceptionHandler(this::writeFailed);
  }

  @Override
  public void write(T value, long timestamp) throws Exception {
    throwIfFailed();
    pending.appendString(formatter.map(value)).appendByte((byte) '\n');
    if (pending.length() >= CHUNK_BYTES) {
      writePending();
    }
  }

  private void writePending() {
    if (pending.length() == 0) {
      return;
    }
    Buffer chunk = pending;
    pending = Buffer.buffer(CHUNK_BYTES);
    file.write(chunk).onFailure(this::writeFailed);
    queueFull = file.writeQueueFull(); // read here, not per record: it changes only with a chunk
  }

  private void writeFailed(Throwable e) {
    if (writeError == null) {
      writeError = e;
      context.wakeup(); // the task finds the error in isReady() even when no input is due
    }
  }

  private void throwIfFailed() throws IOException {
    if (writeError != null) {
      throw failure(writeError);
    }
  }

  private IOException failure(Throwable cause) {
    return new IOException("cannot write " + part.target() + " (in progress as " + part.inProgress() + "): "
        + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
  }

  @Override
  public boolean isReady() throws IOException {
    throwIfFailed();
    return !queueFull;
  }

  @Override
  public Future<Void> finish() {
    if (writeError != null) {
      return Future.failedFuture(failure(writeError));
    }
    writePending();
    return file.flush()
        .compose(v -> file.close())
        .transform(ar -> {
          fileClosed = ar.succeeded();
          Throwable error = writeError != null ? writeError : ar.cause();
          return error == null ? Future.<Void>succeededFuture() : Future.failedFuture(failure(error));
        });
  }

  @Override
  public Future<Void> commit() {
    return context.vertx()
        .executeBlocking(() -> {
          part.commit();
          return (Void) null;
        }, true)
        .onSuccess(v -> committed = true);
  }

  @Override
  public void close() throws IOException {
    if (!fileClosed) {
      fileClosed = true;
      context.closing(file.close()); // pending writes go to a file removed below
    }
    if (!committed) {
      // In place, not on a worker: once close returns (the task is cancelled, or the JVM is
      // stopping), the in-progress file is gone. Unlinking is metadata work of microseconds.
      part.discard();
    }
  }
}
