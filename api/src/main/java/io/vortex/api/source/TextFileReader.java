package io.vortex.api.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link TextFileSource.FileSplit}s in chunks on a worker thread (file I/O blocks) and
 * hands out lines on the task's event loop. One chunk is read ahead while the previous one is
 * emitted.
 *
 * <p>Threading: confined to the owning task's event loop; only {@link #readChunk} runs on a
 * worker, on immutable inputs, and its result comes back on the event loop.
 */
final class TextFileReader<T> implements SourceReader<T> {
  static final int CHUNK_BYTES = 1 << 20;

  /** Maps a line of a file to a record. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(String file, long lineNumber, String text);
  }

  /** Lines read from {@code offset} up to {@code end}; {@code eof} when the file is done. */
  private record Chunk(List<String> lines, long end, boolean eof) {}

  private final SourceReaderContext context;
  private final Mapper<T> mapper;
  private final ArrayDeque<TextFileSource.FileSplit> pending = new ArrayDeque<>();
  private TextFileSource.FileSplit current;
  private long linesEmitted;
  private long readOffset;
  /** Where the lines being emitted start in the file, and the line count before them. */
  private long chunkOffset;
  private long skip;
  private List<String> lines = List.of();
  private int lineIndex;
  private Chunk ahead;
  private boolean reading;
  private boolean currentEof;
  private Throwable failure;

  TextFileReader(SourceReaderContext context, Mapper<T> mapper) {
    this.context = context;
    this.mapper = mapper;
  }

  @Override
  public void addSplits(List<SourceSplit> splits) {
    for (SourceSplit s : splits) {
      pending.add((TextFileSource.FileSplit) s);
    }
  }

  @Override
  public ReadStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
    if (failure != null) {
      throw new IOException("cannot read " + current.file() + ": " + failure.getMessage(), failure);
    }
    int emitted = 0;
    while (emitted < maxRecords) {
      if (lineIndex < lines.size()) {
        linesEmitted++;
        output.collect(mapper.map(current.file(), linesEmitted, lines.get(lineIndex++)));
        emitted++;
        continue;
      }
      if (ahead != null) {
        takeChunk();
        continue;
      }
      if (current != null && currentEof) {
        current = null;
      }
      if (current == null) {
        if (pending.isEmpty()) {
          return ReadStatus.END_OF_INPUT;
        }
        openSplit(pending.poll());
      }
      if (!reading) {
        startRead();
      }
      return emitted > 0 ? ReadStatus.MORE_AVAILABLE : ReadStatus.NOTHING_AVAILABLE;
    }
    return ReadStatus.MORE_AVAILABLE;
  }

  private void openSplit(TextFileSource.FileSplit split) {
    current = split;
    linesEmitted = split.linesRead();
    readOffset = split.offset();
    chunkOffset = split.offset();
    skip = split.skipLines();
    currentEof = false;
    lines = List.of();
    lineIndex = 0;
  }

  private void takeChunk() {
    Chunk chunk = ahead;
    ahead = null;
    lines = chunk.lines();
    lineIndex = (int) Math.min(skip, lines.size());
    linesEmitted += lineIndex;
    skip = 0;
    chunkOffset = readOffset;
    readOffset = chunk.end();
    currentEof = chunk.eof();
    if (!currentEof) {
      startRead();
    }
  }

  private void startRead() {
    reading = true;
    String file = current.file();
    long offset = readOffset;
    context
        .vertx()
        .executeBlocking(() -> readChunk(Path.of(file), offset), true)
        .onComplete(
            ar -> {
              reading = false;
              if (ar.succeeded()) {
                ahead = ar.result();
              } else {
                failure = ar.cause();
              }
              context.wakeup();
            });
  }

  /** Reads whole lines from {@code offset}: up to the last newline within a chunk. */
  static Chunk readChunk(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      int capacity = CHUNK_BYTES;
      while (true) {
        long remaining = size - offset;
        int toRead = (int) Math.min(capacity, Math.max(0, remaining));
        ByteBuffer buffer = ByteBuffer.allocate(toRead);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            break;
          }
        }
        byte[] bytes = buffer.array();
        int length = buffer.position();
        boolean eof = offset + length >= size;
        int lastNewline = lastNewline(bytes, length);
        if (lastNewline < 0 && !eof) {
          capacity *= 2; // a line longer than the chunk: read more
          continue;
        }
        int end = eof ? length : lastNewline + 1;
        return new Chunk(splitLines(bytes, end), offset + end, eof);
      }
    }
  }

  private static int lastNewline(byte[] bytes, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static List<String> splitLines(byte[] bytes, int end) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        lines.add(decode(bytes, start, i));
        start = i + 1;
      }
    }
    if (start < end) {
      lines.add(decode(bytes, start, end));
    }
    return lines;
  }

  private static String decode(byte[] bytes, int from, int to) {
    if (to > from && bytes[to - 1] == '\r') {
      to--;
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  @Override
  public List<SourceSplit> snapshotState() {
    List<SourceSplit> state = new ArrayList<>();
    if (current != null) {
      state.add(
          new TextFileSource.FileSplit(
              current.file(), chunkOffset, linesEmitted - lineIndex, lineIndex));
    }
    state.addAll(pending);
    return state;
  }
}
