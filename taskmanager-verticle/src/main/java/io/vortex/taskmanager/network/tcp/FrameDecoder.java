package io.vortex.taskmanager.network.tcp;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into frames. Unlike {@code RecordParser}, it does not accumulate: whole
 * frames are decoded straight from the arriving chunk's bytes (one copy out of the Vert.x buffer;
 * DATA frames keep a view of it), and only the tail of a frame that continues in the next chunk
 * is kept.
 *
 * <p>Threading: confined to the connection's context.
 */
public final class FrameDecoder {
  private final int maxFrameLength;
  private final Consumer<Frame> sink;
  /** A frame begun in an earlier chunk; {@code pendingLength} bytes of it are here. */
  private static final byte[] EMPTY = new byte[0];
  private byte[] pending = EMPTY;
  private int pendingLength;

  public FrameDecoder(int maxFrameLength, Consumer<Frame> sink) {
    this.maxFrameLength = maxFrameLength;
    this.sink = sink;
  }

  /**
   * Decodes every whole frame in {@code chunk} and keeps the rest.
   *
   * @throws FrameException on a malformed or oversized frame; the stream cannot be resumed
   */
  public void feed(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    int pos = 0;
    if (pendingLength > 0) {
      pos = completePending(bytes);
      if (pos < 0) {
        return;
      }
    }
    int end = bytes.length;
    while (end - pos >= 4) {
      int length = frameLength(bytes, pos);
      if (end - pos - 4 < length) {
        break;
      }
      sink.accept(FrameCodec.decode(bytes, pos + 4, length));
      pos += 4 + length;
    }
    keep(bytes, pos, end - pos);
  }

  /** Returns where the chunk continues after the pending frame, or -1 if it is still incomplete. */
  private int completePending(byte[] bytes) {
    int used = 0;
    if (pendingLength < 4) {
      used = Math.min(4 - pendingLength, bytes.length);
      append(bytes, 0, used);
      if (pendingLength < 4) {
        return -1;
      }
    }
    int length = frameLength(pending, 0);
    int missing = 4 + length - pendingLength;
    int take = Math.min(missing, bytes.length - used);
    append(bytes, used, take);
    if (take < missing) {
      return -1;
    }
    byte[] frame = pending;
    pending = EMPTY; // the frame may keep a view of the array
    pendingLength = 0;
    sink.accept(FrameCodec.decode(frame, 4, length));
    return used + take;
  }

  private int frameLength(byte[] bytes, int pos) {
    int length =
        (bytes[pos] & 0xFF) << 24 | (bytes[pos + 1] & 0xFF) << 16 | (bytes[pos + 2] & 0xFF) << 8 | (bytes[pos + 3] & 0xFF);
    if (length < 1 || length > maxFrameLength) {
      throw new FrameException("frame length " + length + " outside 1.." + maxFrameLength);
    }
    return length;
  }

  private void keep(byte[] bytes, int from, int n) {
    pendingLength = 0;
    append(bytes, from, n);
  }

  private void append(byte[] bytes, int from, int n) {
    if (n == 0) {
      return;
    }
    int needed = pendingLength + n;
    if (needed > pending.length) {
      pending = java.util.Arrays.copyOf(pending, Math.max(needed, Math.min(2 * pending.length + 64, maxFrameLength + 4)));
    }
    System.arraycopy(bytes, from, pending, pendingLength, n);
    pendingLength = needed;
  }

  /** Bytes of an incomplete frame held, for tests. */
  public int pendingBytes() {
    return pendingLength;
  }
}
