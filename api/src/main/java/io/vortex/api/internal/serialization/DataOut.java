package io.vortex.api.internal.serialization;

import io.vertx.core.buffer.Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Threading: confined to one thread. A growable byte-array writer for the data path.
 *
 * <p>Fixed-width numbers are big-endian, as in Netty and {@link Buffer#getLong}. Reuse one
 * instance per producer: {@link #reset()} keeps the array, so a steady stream allocates nothing.
 */
public final class DataOut {

  // Array-view handles compile to single unaligned stores (no per-byte shifts).
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] buf;
  private int pos;

  public DataOut() {
    this(256);
  }

  public DataOut(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity must be >= 0: " + initialCapacity);
    }
    buf = new byte[initialCapacity];
  }

  public void writeByte(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
  }

  public void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  public void writeShort(int v) {
    ensure(2);
    SHORT.set(buf, pos, (short) v);
    pos += 2;
  }

  public void writeChar(int v) {
    writeShort(v);
  }

  public void writeInt(int v) {
    ensure(4);
    INT.set(buf, pos, v);
    pos += 4;
  }

  public void writeLong(long v) {
    ensure(8);
    LONG.set(buf, pos, v);
    pos += 8;
  }

  public void writeFloat(float v) {
    writeInt(Float.floatToRawIntBits(v));
  }

  public void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  /** Unsigned LEB128, 1 to 5 bytes: for lengths and counts (a negative value takes 5 bytes). */
  public void writeVarInt(int v) {
    ensure(5);
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7F) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  /** Unsigned LEB128, 1 to 10 bytes. */
  public void writeVarLong(long v) {
    ensure(10);
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7FL) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  /** Zig-zag varint: small negative numbers stay short. */
  public void writeSignedVarInt(int v) {
    writeVarInt((v << 1) ^ (v >> 31));
  }

  /** Zig-zag varint: small negative numbers stay short. */
  public void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  /**
   * Writes a non-null string as a varint header {@code byteLength << 1 | ascii} and its UTF-8 bytes.
   * The ASCII flag lets the reader copy the bytes into a Latin-1 string without decoding. Lone
   * surrogates are written as 3-byte sequences (WTF-8), so every Java string round-trips.
   */
  public void writeString(String s) {
    int n = s.length();
    if (n > (MAX_CAPACITY >> 1)) {
      throw new IllegalArgumentException("string too long to serialize: " + n + " chars");
    }
    ensure(5 + n);
    int start = pos;
    writeVarInt((n << 1) | 1); // optimistic: most keys and payloads are ASCII
    int body = pos;
    byte[] b = buf;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        writeNonAscii(s, i, start, body);
        return;
      }
      b[body + i] = (byte) c;
    }
    pos = body + n;
  }

  private void writeNonAscii(String s, int asciiPrefix, int start, int body) {
    long total = asciiPrefix + Utf8.encodedLength(s, asciiPrefix);
    if (total > (MAX_CAPACITY >> 1)) {
      throw new IllegalArgumentException("string too long to serialize: " + total + " UTF-8 bytes");
    }
    int length = (int) total;
    int header = length << 1;
    int newBody = start + varIntSize(header);
    pos = body + asciiPrefix;
    ensure(newBody - body + length - asciiPrefix);
    if (newBody != body) {
      System.arraycopy(buf, body, buf, newBody, asciiPrefix);
    }
    pos = start;
    writeVarInt(header);
    pos = Utf8.encode(s, asciiPrefix, buf, newBody + asciiPrefix);
  }

  /** Appends raw bytes, without a length. */
  public void writeBytes(byte[] bytes) {
    writeBytes(bytes, 0, bytes.length);
  }

  /** Appends raw bytes, without a length. */
  public void writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, pos, length);
    pos += length;
  }

  /** Overwrites 4 bytes at {@code position}, e.g. a length prefix reserved with {@link #skip}. */
  public void setInt(int position, int v) {
    if (position < 0 || position > pos - 4) {
      throw new IndexOutOfBoundsException("position " + position + " outside written range " + pos);
    }
    INT.set(buf, position, v);
  }

  /** Reserves {@code n} bytes to be filled later; returns their position. */
  public int skip(int n) {
    ensure(n);
    int at = pos;
    pos += n;
    return at;
  }

  /** Number of bytes written since the last {@link #reset()}. */
  public int position() {
    return pos;
  }

  /** Forgets the content and keeps the array. */
  public void reset() {
    pos = 0;
  }

  /** The backing array (valid up to {@link #position()}); it changes when the writer grows. */
  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** A new Vert.x buffer holding a copy of the content (one copy: Buffer.buffer(byte[]) copies too). */
  public Buffer toBuffer() {
    return Buffer.buffer(pos).appendBytes(buf, 0, pos);
  }

  /** Appends the content to {@code target}. */
  public void writeTo(Buffer target) {
    target.appendBytes(buf, 0, pos);
  }

  private void ensure(int n) {
    if (n > buf.length - pos) {
      grow(n);
    }
  }

  private void grow(int n) {
    long needed = (long) pos + n;
    if (needed > MAX_CAPACITY) {
      throw new IllegalArgumentException("DataOut cannot hold " + needed + " bytes");
    }
    long doubled = Math.max(16L, 2L * buf.length);
    buf = Arrays.copyOf(buf, (int) Math.min(MAX_CAPACITY, Math.max(doubled, needed)));
  }

  static int varIntSize(int v) {
    // 1 byte per started group of 7 bits; 0 still takes one byte
    return (31 - Integer.numberOfLeadingZeros(v | 1)) / 7 + 1;
  }
}
