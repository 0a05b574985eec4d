package io.vortex.taskmanager.network.tcp;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into frames, copying each frame's bytes once, straight out of the arriving
 * chunks: a DATA frame into an array of its own length that the decoded frame keeps as its view
 * (filled across as many chunks as it spans), any other frame that lies whole in one chunk into a
 * reused scratch array (decoding copies everything out of it). Unlike {@code RecordParser} it
 * never accumulates, and unlike copying the chunk out first ({@code Buffer.getBytes()}) a frame
 * that continues in the next chunk is not copied a second time.
 *
 * <p>Threading: confined to the connection's context.
 */
public final class FrameDecoder {
  private final int maxFrameLength;
  private final Consumer<Frame> sink;
  /** Length prefix bytes of the next frame, when a chunk ended inside them. */
  private final byte[] header = new byte[4];
  private int headerFilled;
  /** The frame being filled across chunks ({@code filled} of its bytes are here), or null. */
  private byte[] frame;
  private int filled;
  /** Reused for non-DATA frames that lie whole in one chunk. */
  private byte[] scratch = new byte[256];

  public FrameDecoder(int maxFrameLength, Consumer<Frame> sink) {
    this.maxFrameLength = maxFrameLength;
    this.sink = sink;
  }

  /**
   * Decodes every whole frame in {@code chunk} and keeps the start of the last one if it is cut.
   *
   * @throws FrameException on a malformed or oversized frame; the stream cannot be resumed
   */
  public void feed(Buffer chunk) {
    int end = chunk.length();
    int pos = 0;
    if (frame != null) {
      pos = fill(chunk, 0, end);
    }
    while (pos < end) {
      int length;
      if (headerFilled == 0 && end - pos >= 4) {
        length = checkedLength(chunk.getInt(pos));
        pos += 4;
      } else {
        while (headerFilled < 4 && pos < end) {
          header[headerFilled++] = chunk.getByte(pos++);
        }
        if (headerFilled < 4) {
          return;
        }
        length = checkedLength((header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | (header[3] & 0xFF));
      }
      headerFilled = 0;
      if (end - pos >= length && chunk.getByte(pos) != Frame.DATA) {
        sink.accept(FrameCodec.decode(copyToScratch(chunk, pos, length), 0, length));
        pos += length;
      } else {
        frame = new byte[length];
        filled = 0;
        pos = fill(chunk, pos, end);
      }
    }
  }

  /** Copies what the current frame still lacks from {@code chunk[pos, end)}; emits it when complete. */
  private int fill(Buffer chunk, int pos, int end) {
    int take = Math.min(frame.length - filled, end - pos);
    chunk.getBytes(pos, pos + take, frame, filled);
    filled += take;
    if (filled == frame.length) {
      byte[] complete = frame;
      frame = null; // the decoded DATA frame keeps a view of the array
      sink.accept(FrameCodec.decode(complete, 0, complete.length));
    }
    return pos + take;
  }

  private byte[] copyToScratch(Buffer chunk, int pos, int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, 2 * scratch.length)];
    }
    chunk.getBytes(pos, pos + length, scratch, 0);
    return scratch;
  }

  private int checkedLength(int length) {
    if (length < 1 || length > maxFrameLength) {
      throw new FrameException("frame length " + length + " outside 1.." + maxFrameLength);
    }
    return length;
  }

  /** Bytes of an incomplete frame held (its length prefix included), for tests. */
  public int pendingBytes() {
    return frame != null ? 4 + filled : headerFilled;
  }
}
