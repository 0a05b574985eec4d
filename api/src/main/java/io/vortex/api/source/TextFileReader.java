package io.vortex.api.source;

import io.vertx.core.Future;
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
 * emitted. A chunk holds whole lines; a line longer than a chunk makes the read grow up to the
 * maximum line length, and past it the reader fails once the lines before it are emitted.
 *
 * <p>Threading: confined to the owning task's event loop; only {@link #readChunk} runs on a
 * worker, on immutable inputs, and its result comes back on the event loop.
 */
final class TextFileReader<T> implements SourceReader<T> {
  static final int CHUNK_BYTES = 1 << 20;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Maps a line of a file to a record. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(String file, long lineNumber, String text);
  }

  /**
   * Lines read from {@code offset} up to {@code end}; {@code eof} when the file is done, {@code
   * lineTooLong} when the line after these is longer than the maximum (then nothing follows).
   */
  record Chunk(List<String> lines, long end, boolean eof, boolean lineTooLong) {}

  private final SourceReaderContext context;
  private final Mapper<T> mapper;
  private final int maxLineBytes;
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
  /** The read in flight while {@link #reading}. */
  private Future<Chunk> read;
  private boolean currentEof;
  private boolean currentTooLong;
  private Throwable failure;

  TextFileReader(SourceReaderContext context, Mapper<T> mapper, int maxLineBytes) {
    this.context = context;
    this.mapper = mapper;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public void addSplits(List<SourceSplit> splits) {
    for (SourceSplit s : splits) {
      pending.add((TextFileSource.FileSplit) s);
    }
  }

  @Override
  public ReadStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
    int emitted = 0;
    while (emitted < maxRecords) {
      if (lineIndex < lines.size()) {
        if (output.isFull()) {
          return ReadStatus.MORE_AVAILABLE;
        }
        linesEmitted++;
        output.collect(mapper.map(current.file(), linesEmitted, lines.get(lineIndex++)));
        emitted++;
        continue;
      }
      if (ahead != null) {
        takeChunk();
        continue;
      }
      if (currentTooLong) {
        throw new LineTooLongException(current.file(), linesEmitted + 1, maxLineBytes);
      }
      if (failure != null) {
        throw new IOException("cannot read " + current.file() + ": " + failure.getMessage(), failure);
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
    currentTooLong = false;
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
    currentTooLong = chunk.lineTooLong();
    if (!currentEof && !currentTooLong) {
      startRead();
    }
  }

  private void startRead() {
    reading = true;
    String file = current.file();
    long offset = readOffset;
    int maxLine = maxLineBytes;
    read = context.vertx().executeBlocking(() -> readChunk(Path.of(file), offset, maxLine), true);
    read.onComplete(ar -> {
      reading = false;
      if (ar.succeeded()) {
        ahead = ar.result();
      } else {
        failure = ar.cause();
      }
      context.wakeup();
    });
  }

  /** A read still in flight completes later: the TaskManager waits for it before it stops. */
  @Override
  public void close() {
    if (reading) {
      context.closing(read);
    }
  }

  /**
   * Reads whole lines from {@code offset}: up to the last newline within a chunk, or the one line
   * there if it is longer than a chunk, reading at most {@code maxLineBytes} + 2 bytes of it.
   */
  static Chunk readChunk(Path file, long offset, int maxLineBytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      int capacity = CHUNK_BYTES;
      // a line is too long once max + 2 bytes hold no newline: even a final "\r" leaves max + 1
      long longestRead = maxLineBytes + 2L + (offset == 0 ? UTF8_BOM.length : 0);
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
        if (lastNewline < 0 && !eof && capacity < longestRead) {
          capacity = (int) Math.min(2L * capacity, longestRead); // a line longer than the chunk
          continue;
        }
        int start = offset == 0 && startsWithBom(bytes, length) ? UTF8_BOM.length : 0;
        int end = lastNewline >= 0 && !eof ? lastNewline + 1 : length;
        List<String> lines = new ArrayList<>();
        int stop = splitLines(bytes, start, end, maxLineBytes, lines);
        if (stop >= 0) {
          return new Chunk(lines, offset + stop, false, true);
        }
        return new Chunk(lines, offset + end, eof, false);
      }
    }
  }

  private static boolean startsWithBom(byte[] bytes, int length) {
    return length >= UTF8_BOM.length
        && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
  }

  private static int lastNewline(byte[] bytes, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Adds the lines of {@code bytes[start, end)} to {@code lines}; returns -1, or where a line
   * longer than {@code maxLineBytes} starts (the lines before it are added).
   */
  private static int splitLines(byte[] bytes, int start, int end, int maxLineBytes, List<String> lines) {
    int lineStart = start;
    for (int i = start; i <= end; i++) {
      if (i == end && lineStart == end) {
        break; // the chunk ends with a newline: no partial line
      }
      if (i == end || bytes[i] == '\n') {
        int to = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
        if (to - lineStart > maxLineBytes) {
          return lineStart;
        }
        lines.add(new String(bytes, lineStart, to - lineStart, StandardCharsets.UTF_8));
        lineStart = i + 1;
      }
    }
    return -1;
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
