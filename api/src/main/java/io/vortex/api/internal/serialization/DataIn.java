package io.vortex.api.internal.serialization;

import io.vertx.core.buffer.Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Threading: confined to one thread. Reads what {@link DataOut} wrote from a window of a byte array.
 *
 * <p>Every read checks the window, so truncated or corrupt input fails with an
 * {@link IllegalArgumentException} that names the position, never with a wrong value read past the
 * end. Lengths read from the input are checked against what remains before anything is allocated.
 */
public final class DataIn {

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final byte[] EMPTY = new byte[0];

  private byte[] buf;
  private int pos;
  private int limit;
  private char[] chars = new char[64]; // scratch for non-ASCII strings, reused

  public DataIn() {
    this(EMPTY);
  }

  public DataIn(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public DataIn(byte[] bytes, int offset, int length) {
    reset(bytes, offset, length);
  }

  /** A reader over a copy of the readable bytes of {@code buffer}. */
  public static DataIn of(Buffer buffer) {
    return new DataIn(buffer.getBytes());
  }

  /** Reads {@code bytes[offset, offset + length)} from now on; the array is not copied. */
  public DataIn reset(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    buf = bytes;
    pos = offset;
    limit = offset + length;
    return this;
  }

  /**
   * Reads a copy of {@code buffer} from now on. The public Vert.x 5 API offers no view of a
   * buffer's array, so this copies once, into the array of the previous call when it fits.
   */
  public DataIn reset(Buffer buffer) {
    int n = buffer.length();
    byte[] target = buf.length >= n && buf != EMPTY ? buf : new byte[n];
    buffer.getBytes(0, n, target, 0);
    return reset(target, 0, n);
  }

  public byte readByte() {
    require(1);
    return buf[pos++];
  }

  public int readUnsignedByte() {
    return readByte() & 0xFF;
  }

  public boolean readBoolean() {
    int b = readByte();
    if (b != 0 && b != 1) {
      throw corrupt("boolean byte " + b, pos - 1);
    }
    return b == 1;
  }

  public short readShort() {
    require(2);
    short v = (short) SHORT.get(buf, pos);
    pos += 2;
    return v;
  }

  public char readChar() {
    return (char) readShort();
  }

  public int readInt() {
    require(4);
    int v = (int) INT.get(buf, pos);
    pos += 4;
    return v;
  }

  public long readLong() {
    require(8);
    long v = (long) LONG.get(buf, pos);
    pos += 8;
    return v;
  }

  public float readFloat() {
    return Float.intBitsToFloat(readInt());
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public int readVarInt() {
    int start = pos;
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readByte();
      v |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (shift == 28 && (b & 0xF0) != 0) {
          break; // more than 32 bits
        }
        return v;
      }
    }
    throw corrupt("varint", start);
  }

  public long readVarLong() {
    int start = pos;
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      long b = readByte();
      v |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (shift == 63 && b > 1) {
          break; // more than 64 bits
        }
        return v;
      }
    }
    throw corrupt("varlong", start);
  }

  public int readSignedVarInt() {
    int v = readVarInt();
    return (v >>> 1) ^ -(v & 1);
  }

  public long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /**
   * Reads a length or count written with {@link DataOut#writeVarInt} and checks that
   * {@code length * minBytesEach} bytes remain, so corrupt input cannot make us allocate gigabytes.
   */
  public int readLength(int minBytesEach) {
    int start = pos;
    int n = readVarInt();
    if (n < 0 || (long) n * minBytesEach > limit - pos) {
      throw corrupt("length " + Integer.toUnsignedString(n) + " with " + (limit - pos) + " bytes left", start);
    }
    return n;
  }

  /** Reads a string written by {@link DataOut#writeString}. */
  public String readString() {
    int start = pos;
    int header = readVarInt();
    int length = header >>> 1;
    if (length > limit - pos) {
      throw corrupt("string length " + length + " with " + (limit - pos) + " bytes left", start);
    }
    int at = pos;
    pos += length;
    if ((header & 1) != 0) {
      // Latin-1 decoding of ASCII is a plain array copy into a compact string
      return new String(buf, at, length, StandardCharsets.ISO_8859_1);
    }
    if (chars.length < length) {
      chars = new char[Math.max(length, 2 * chars.length)];
    }
    int n = Utf8.decode(buf, at, length, chars);
    return new String(chars, 0, n);
  }

  /** Reads {@code length} raw bytes into a new array. */
  public byte[] readBytes(int length) {
    require(length);
    byte[] out = new byte[length];
    System.arraycopy(buf, pos, out, 0, length);
    pos += length;
    return out;
  }

  /** Reads {@code length} raw bytes into {@code dst} at {@code offset}. */
  public void readBytes(byte[] dst, int offset, int length) {
    require(length);
    System.arraycopy(buf, pos, dst, offset, length);
    pos += length;
  }

  public void skip(int n) {
    require(n);
    pos += n;
  }

  /** Index of the next byte in {@link #array()}. */
  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  /** The array being read; bytes from {@link #position()} for {@link #remaining()} are unread. */
  public byte[] array() {
    return buf;
  }

  private void require(int n) {
    if (n < 0 || n > limit - pos) {
      throw new IllegalArgumentException("corrupt input: need " + n + " bytes at position " + pos
          + " but only " + (limit - pos) + " remain");
    }
  }

  private static IllegalArgumentException corrupt(String what, int at) {
    return new IllegalArgumentException("corrupt input: bad " + what + " at position " + at);
  }
}
