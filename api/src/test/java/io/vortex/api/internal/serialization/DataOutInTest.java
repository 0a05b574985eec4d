package io.vortex.api.internal.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataOutInTest {

  @Test
  void when_fixedWidthValuesWritten_then_readBackBigEndian() {
    // Given
    DataOut out = new DataOut(0);

    // When
    out.writeByte(-7);
    out.writeBoolean(true);
    out.writeShort(-12345);
    out.writeChar('\uFFFF');
    out.writeInt(0xCAFEBABE);
    out.writeLong(Long.MIN_VALUE);
    out.writeFloat(Float.NaN);
    out.writeDouble(-0.0);

    // Then
    DataIn in = new DataIn(out.toByteArray());
    assertEquals(-7, in.readByte());
    assertTrue(in.readBoolean());
    assertEquals(-12345, in.readShort());
    assertEquals('\uFFFF', in.readChar());
    assertEquals(0xCAFEBABE, in.readInt());
    assertEquals(Long.MIN_VALUE, in.readLong());
    assertTrue(Float.isNaN(in.readFloat()));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.readDouble()));
    assertFalse(in.hasRemaining());
    assertEquals(0xCAFEBABE, Buffer.buffer(out.toByteArray()).getInt(1 + 1 + 2 + 2), "same order as Buffer");
  }

  @Test
  void when_varintsWritten_then_smallValuesAreShortAndAllRoundTrip() {
    int[] ints = {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
    long[] longs = {0, 1, 127, 128, Long.MAX_VALUE, -1, Long.MIN_VALUE, 1L << 62};
    DataOut out = new DataOut();
    for (int v : ints) {
      out.writeVarInt(v);
      out.writeSignedVarInt(v);
    }
    for (long v : longs) {
      out.writeVarLong(v);
      out.writeSignedVarLong(v);
    }
    DataIn in = new DataIn(out.toByteArray());
    for (int v : ints) {
      assertEquals(v, in.readVarInt());
      assertEquals(v, in.readSignedVarInt());
    }
    for (long v : longs) {
      assertEquals(v, in.readVarLong());
      assertEquals(v, in.readSignedVarLong());
    }
    assertFalse(in.hasRemaining());

    DataOut small = new DataOut();
    small.writeVarInt(127);
    small.writeSignedVarInt(-64);
    assertEquals(2, small.position());
  }

  @Test
  void when_asciiStringWritten_then_oneHeaderByteAndRawBytes() {
    DataOut out = new DataOut();
    out.writeString("hello");
    assertEquals(6, out.position());
    assertEquals("hello", new DataIn(out.toByteArray()).readString());
  }

  @Test
  void when_unicodeStringsWritten_then_roundTripAndValidStringsAreStandardUtf8() {
    String[] strings = {
        "", "a", "héllo wörld", "日本語のテキスト", "emoji \uD83D\uDE00 and \uD83C\uDF89",
        "\u0000nul\u0000", "\u007F\u0080\u07FF\u0800\uFFFF", "ascii prefix then é", "é then ascii suffix",
    };
    for (String s : strings) {
      DataOut out = new DataOut(1);
      out.writeString(s);
      DataIn in = new DataIn(out.toByteArray());
      int header = in.readVarInt();
      byte[] body = in.readBytes(header >>> 1);
      assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), body, s);
      assertEquals(s, new DataIn(out.toByteArray()).readString());
    }
  }

  @Test
  void when_loneSurrogatesWritten_then_roundTripUnchanged() {
    String s = "lone high \uD800 lone low \uDC00 reversed \uDC00\uD800 end \uD83D";
    DataOut out = new DataOut();
    out.writeString(s);
    assertEquals(s, new DataIn(out.toByteArray()).readString());
  }

  @Test
  void when_longNonAsciiStringAfterLongAsciiPrefix_then_headerGrowsAndRoundTrips() {
    // Given: 60 chars fit a 1-byte optimistic header; their 100 UTF-8 bytes need 2 header bytes
    String s = "x".repeat(40) + "€".repeat(20);
    DataOut out = new DataOut();
    out.writeLong(42);

    // When
    out.writeString(s);
    out.writeLong(43);

    // Then
    DataIn in = new DataIn(out.toByteArray());
    assertEquals(42, in.readLong());
    assertEquals(s, in.readString());
    assertEquals(43, in.readLong());
  }

  @Test
  void when_largeStringAndBytes_then_roundTrip() {
    String big = "ab\u00e9\uD83D\uDE00".repeat(100_000);
    byte[] bytes = new byte[1 << 20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    DataOut out = new DataOut(1);
    out.writeString(big);
    out.writeString("z".repeat(300_000));
    out.writeBytes(bytes);
    DataIn in = new DataIn(out.toByteArray());
    assertEquals(big, in.readString());
    assertEquals("z".repeat(300_000), in.readString());
    assertArrayEquals(bytes, in.readBytes(bytes.length));
  }

  @Test
  void when_convertedToAndFromVertxBuffer_then_sameBytes() {
    // Given
    DataOut out = new DataOut();
    out.writeLong(7);
    out.writeString("vert.x");

    // When
    Buffer buffer = out.toBuffer();
    Buffer appended = Buffer.buffer().appendByte((byte) 1);
    out.writeTo(appended);

    // Then
    DataIn in = DataIn.of(buffer);
    assertEquals(7, in.readLong());
    assertEquals("vert.x", in.readString());
    DataIn reused = new DataIn().reset(appended);
    assertEquals(1, reused.readByte());
    assertEquals(7, reused.readLong());
    assertEquals("vert.x", reused.readString());
    assertFalse(reused.hasRemaining());
  }

  @Test
  void when_lengthReservedAndPatched_then_readBack() {
    DataOut out = new DataOut();
    int at = out.skip(4);
    out.writeLong(1);
    out.setInt(at, out.position() - at - 4);
    DataIn in = new DataIn(out.toByteArray());
    assertEquals(8, in.readInt());
  }

  @Test
  void when_resetAndReadWindow_then_onlyWindowVisible() {
    byte[] bytes = {9, 0, 0, 0, 5, 9};
    DataIn in = new DataIn(bytes, 1, 4);
    assertEquals(5, in.readInt());
    assertThrows(IllegalArgumentException.class, in::readByte);
  }

  @Test
  void when_inputTruncated_then_illegalArgumentNamesPosition() {
    DataOut out = new DataOut();
    out.writeLong(1);
    DataIn in = new DataIn(out.toByteArray(), 0, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, in::readLong);
    assertTrue(e.getMessage().contains("need 8 bytes at position 0"), e.getMessage());
  }

  @Test
  void when_varintTooLong_then_illegalArgument() {
    byte[] bytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DataIn(bytes).readVarInt());
    assertTrue(e.getMessage().contains("varint"), e.getMessage());
  }

  @Test
  void when_stringLengthExceedsInput_then_illegalArgumentBeforeAllocating() {
    DataOut out = new DataOut();
    out.writeVarInt(Integer.MAX_VALUE - 1); // claims ~1 GiB of ASCII
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DataIn(out.toByteArray()).readString());
    assertTrue(e.getMessage().contains("string length"), e.getMessage());
  }

  @Test
  void when_utf8Malformed_then_illegalArgument() {
    byte[] bytes = {(byte) (3 << 1), (byte) 0xE2, (byte) 0x41, (byte) 0x41}; // 3-byte lead, bad continuation
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DataIn(bytes).readString());
    assertTrue(e.getMessage().contains("malformed UTF-8"), e.getMessage());
  }

  @Test
  void when_booleanByteIsNotZeroOrOne_then_illegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> new DataIn(new byte[] {2}).readBoolean());
  }
}
