package io.vortex.taskmanager.network.tcp;

import io.vertx.core.buffer.Buffer;
import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;

/**
 * The wire format: {@code [int length][byte type][body]}, the length counting type and body. A
 * channel frame's body starts with its channel id (job, attempt, edge, producer, consumer); a DATA frame
 * puts its backlog first, at a fixed offset, so the producer can set it when the frame leaves.
 *
 * <p>Threading: stateless.
 */
public final class FrameCodec {
  static final int HEADER = 5;
  /** Offset of a DATA frame's backlog int. */
  static final int BACKLOG_OFFSET = HEADER;

  private static final byte WATERMARK = 1;
  private static final byte IDLE = 2;
  private static final byte END_OF_PARTITION = 3;

  private FrameCodec() {}

  public static Buffer encode(Frame frame) {
    DataOut out = new DataOut(frame instanceof Frame.Data d ? d.length() + 64 : 64);
    encode(frame, out);
    return out.toBuffer();
  }

  /** Appends the whole frame, length prefix included, to {@code out}. */
  public static void encode(Frame frame, DataOut out) {
    int start = out.skip(4);
    if (frame instanceof Frame.Hello h) {
      out.writeByte(Frame.HELLO);
      out.writeString(h.taskManagerId());
    } else if (frame instanceof Frame.Data d) {
      out.writeByte(Frame.DATA);
      out.writeInt(d.backlog());
      writeId(d.channel(), out);
      out.writeBytes(d.bytes(), d.offset(), d.length());
    } else if (frame instanceof Frame.Event e) {
      out.writeByte(Frame.EVENT);
      writeId(e.channel(), out);
      writeEvent(e.event(), out);
    } else if (frame instanceof Frame.Credit c) {
      out.writeByte(Frame.CREDIT);
      writeId(c.channel(), out);
      out.writeVarInt(c.credits());
    } else {
      Frame.Fail f = (Frame.Fail) frame;
      out.writeByte(Frame.FAIL);
      writeId(f.channel(), out);
      out.writeString(f.message());
    }
    out.setInt(start, out.position() - start - 4);
  }

  /**
   * Decodes one frame body ({@code length} bytes from {@code offset}: type and body). A DATA
   * frame keeps a view of {@code bytes}: the caller must not reuse the array.
   *
   * @throws FrameException when the body is not a well-formed frame
   */
  public static Frame decode(byte[] bytes, int offset, int length) {
    if (length < 1) {
      throw new FrameException("empty frame");
    }
    DataIn in = new DataIn(bytes, offset + 1, length - 1);
    byte type = bytes[offset];
    try {
      Frame frame =
          switch (type) {
            case Frame.HELLO -> new Frame.Hello(in.readString());
            case Frame.DATA -> {
              int backlog = in.readInt();
              if (backlog < 0) {
                throw new FrameException("negative backlog " + backlog);
              }
              ChannelId id = readId(in);
              int at = in.position();
              yield new Frame.Data(id, backlog, bytes, at, offset + length - at); // a view: no copy
            }
            case Frame.EVENT -> new Frame.Event(readId(in), readEvent(in));
            case Frame.CREDIT -> {
              ChannelId id = readId(in);
              int credits = in.readVarInt();
              if (credits <= 0) {
                throw new FrameException("credit must be positive: " + credits);
              }
              yield new Frame.Credit(id, credits);
            }
            case Frame.FAIL -> new Frame.Fail(readId(in), in.readString());
            default -> throw new FrameException("unknown frame type " + type);
          };
      if (!(frame instanceof Frame.Data) && in.hasRemaining()) {
        throw new FrameException(in.remaining() + " trailing bytes after " + frame.getClass().getSimpleName());
      }
      return frame;
    } catch (IllegalArgumentException e) {
      throw new FrameException("malformed frame of type " + type + ": " + e.getMessage(), e);
    }
  }

  /** Starts a DATA frame (backlog 0) whose records the caller appends; returns its start for {@link #end}. */
  static int beginData(ChannelId id, DataOut out) {
    int start = out.skip(4);
    out.writeByte(Frame.DATA);
    out.writeInt(0);
    writeId(id, out);
    return start;
  }

  /** Sets the length of the frame begun at {@code start}. */
  static void end(int start, DataOut out) {
    out.setInt(start, out.position() - start - 4);
  }

  private static void writeId(ChannelId id, DataOut out) {
    out.writeString(id.jobId());
    out.writeVarInt(id.attempt());
    out.writeVarInt(id.edge());
    out.writeVarInt(id.producer());
    out.writeVarInt(id.consumer());
  }

  private static ChannelId readId(DataIn in) {
    String job = in.readString();
    int attempt = in.readVarInt();
    int edge = in.readVarInt();
    int producer = in.readVarInt();
    int consumer = in.readVarInt();
    if (attempt < 0 || edge < 0 || producer < 0 || consumer < 0) {
      throw new FrameException("negative index in channel id");
    }
    return new ChannelId(job, attempt, edge, producer, consumer);
  }

  private static void writeEvent(ChannelEvent event, DataOut out) {
    if (event instanceof ChannelEvent.Watermark w) {
      out.writeByte(WATERMARK);
      out.writeLong(w.timestamp());
    } else if (event instanceof ChannelEvent.IdleStatus s) {
      out.writeByte(IDLE);
      out.writeBoolean(s.idle());
    } else {
      out.writeByte(END_OF_PARTITION);
    }
  }

  private static ChannelEvent readEvent(DataIn in) {
    byte kind = in.readByte();
    return switch (kind) {
      case WATERMARK -> new ChannelEvent.Watermark(in.readLong());
      case IDLE -> {
        byte b = in.readByte();
        if (b != 0 && b != 1) {
          throw new FrameException("idle flag must be 0 or 1: " + b);
        }
        yield new ChannelEvent.IdleStatus(b == 1);
      }
      case END_OF_PARTITION -> ChannelEvent.EndOfPartition.INSTANCE;
      default -> throw new FrameException("unknown event kind " + kind);
    };
  }
}
