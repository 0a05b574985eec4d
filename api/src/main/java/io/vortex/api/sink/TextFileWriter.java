package io.vortex.api.sink;

import io.vertx.core.Future;
import io.vortex.api.function.MapFunction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Encodes lines on the event loop and writes them in chunks on a worker (ordered, so chunks
 * land in order); closes the temporary file on finish and renames it into place on commit.
 *
 * <p>Threading: confined to the owning task's event loop, except the file channel, which only
 * the ordered worker tasks touch.
 */
final class TextFileWriter<T> implements SinkWriter<T> {
  private static final int CHUNK_BYTES = 1 << 20;

  private final MapFunction<T, String> formatter;
  private final SinkContext context;
  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private StringBuilder pending = new StringBuilder();
  private Future<Void> lastWrite = Future.succeededFuture();
  private volatile boolean committed; // set by the ordered worker, read at close

  TextFileWriter(String path, MapFunction<T, String> formatter, SinkContext context)
      throws IOException {
    this.formatter = formatter;
    this.context = context;
    Path base = Path.of(path);
    if (context.parallelism() == 1 && !Files.isDirectory(base)) {
      target = base;
    } else {
      if (Files.isRegularFile(base)) {
        Files.deleteIfExists(base); // a previous parallelism-1 run left a file here
      }
      Files.createDirectories(base);
      target = base.resolve("part-" + context.subtaskIndex());
      if (context.subtaskIndex() == 0) {
        deleteStaleParts(base, context.parallelism());
      }
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    temporary = target.resolveSibling("." + target.getFileName() + ".inprogress");
    channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
  }

  /** Removes part files of an earlier run with a higher parallelism: their lines are not ours. */
  private static void deleteStaleParts(Path dir, int parallelism) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("part-") && Files.isRegularFile(p)) {
          String index = name.substring("part-".length());
          if (index.chars().allMatch(Character::isDigit) && !index.isEmpty()
              && Long.parseLong(index) >= parallelism) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  @Override
  public void write(T value, long timestamp) throws Exception {
    pending.append(formatter.map(value)).append('\n');
    if (pending.length() >= CHUNK_BYTES) {
      writeChunk();
    }
  }

  private void writeChunk() {
    if (pending.length() == 0) {
      return;
    }
    byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
    pending = new StringBuilder();
    Future<Void> previous = lastWrite;
    lastWrite =
        previous.compose(
            v -> context.vertx().executeBlocking(() -> writeFully(bytes), true));
  }

  private Void writeFully(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    return null;
  }

  @Override
  public Future<Void> finish() {
    writeChunk();
    return lastWrite.compose(
        v -> context.vertx().executeBlocking(() -> {
          channel.force(false);
          channel.close();
          return null;
        }, true));
  }

  @Override
  public Future<Void> commit() {
    return context.vertx().executeBlocking(() -> {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      committed = true;
      return null;
    }, true);
  }

  @Override
  public void close() throws Exception {
    if (channel.isOpen()) {
      channel.close();
    }
    if (!committed) {
      Files.deleteIfExists(temporary);
    }
  }
}
