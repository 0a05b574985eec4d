package io.vortex.taskmanager.network.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  private static final ChannelId ID = new ChannelId("job-ü-1", 5, 3, 1, 200);

  private static List<Frame> everyFrame() {
    return List.of(
        new Frame.Hello("tm-1"),
        new Frame.Data(ID, 7, new byte[] {1, 2, 3, 4, 5}),
        new Frame.Event(ID, new ChannelEvent.Watermark(Long.MIN_VALUE + 1)),
        new Frame.Event(ID, new ChannelEvent.Watermark(42)),
        new Frame.Event(ID, new ChannelEvent.IdleStatus(true)),
        new Frame.Event(ID, new ChannelEvent.IdleStatus(false)),
        new Frame.Event(ID, ChannelEvent.EndOfPartition.INSTANCE),
        new Frame.Credit(ID, 300),
        new Frame.Fail(ID, "task 1.0 failed: boom"));
  }

  private static List<Frame> decodeAll(List<Buffer> chunks) {
    List<Frame> frames = new ArrayList<>();
    var decoder = new FrameDecoder(1024, frames::add);
    chunks.forEach(decoder::feed);
    return frames;
  }

  private static void assertSameFrames(List<Frame> expected, List<Frame> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Frame e = expected.get(i);
      Frame a = actual.get(i);
      if (e instanceof Frame.Data d) {
        Frame.Data r = assertInstanceOf(Frame.Data.class, a);
        assertEquals(d.channel(), r.channel());
        assertEquals(d.backlog(), r.backlog());
        assertArrayEquals(d.bytes(), Arrays.copyOfRange(r.bytes(), r.offset(), r.offset() + r.length()));
      } else {
        assertEquals(e, a);
      }
    }
  }

  @Test
  void when_everyFrameTypeEncodedInOneChunk_then_decodedAlike() {
    // Given
    Buffer stream = Buffer.buffer();
    everyFrame().forEach(f -> stream.appendBuffer(FrameCodec.encode(f)));

    // When
    List<Frame> decoded = decodeAll(List.of(stream));

    // Then
    assertSameFrames(everyFrame(), decoded);
  }

  @Test
  void when_streamArrivesByteByByte_then_framesDecodedAlike() {
    // Given
    Buffer stream = Buffer.buffer();
    everyFrame().forEach(f -> stream.appendBuffer(FrameCodec.encode(f)));
    List<Buffer> chunks = new ArrayList<>();
    for (int i = 0; i < stream.length(); i++) {
      chunks.add(stream.getBuffer(i, i + 1));
    }

    // When
    List<Frame> decoded = decodeAll(chunks);

    // Then
    assertSameFrames(everyFrame(), decoded);
  }

  @Test
  void when_chunkEndsInsideAFrame_then_theRestWaitsForTheNextChunk() {
    // Given
    Buffer frame = FrameCodec.encode(new Frame.Data(ID, 0, new byte[100]));
    List<Frame> frames = new ArrayList<>();
    var decoder = new FrameDecoder(1024, frames::add);

    // When
    decoder.feed(frame.getBuffer(0, 50));

    // Then
    assertTrue(frames.isEmpty());
    assertEquals(50, decoder.pendingBytes());
    decoder.feed(frame.getBuffer(50, frame.length()));
    assertEquals(1, frames.size());
    assertEquals(0, decoder.pendingBytes());
  }

  @Test
  void when_streamIsCutAtEveryPosition_then_framesDecodedAlike() {
    // Given: every frame type, a DATA frame with a varied body among them
    Buffer stream = Buffer.buffer();
    List<Frame> frames = new ArrayList<>(everyFrame());
    byte[] body = new byte[300];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    frames.add(2, new Frame.Data(ID, 1, body));
    frames.forEach(f -> stream.appendBuffer(FrameCodec.encode(f)));

    for (int cut = 0; cut <= stream.length(); cut++) {
      // When: two chunks, cut anywhere (inside a length prefix, a header, a body, or between frames)
      List<Frame> decoded = decodeAll(List.of(stream.getBuffer(0, cut), stream.getBuffer(cut, stream.length())));

      // Then
      assertSameFrames(frames, decoded);
    }
  }

  @Test
  void when_dataFrameSpansManyChunks_then_decodedOnceWhole() {
    // Given: a frame of 100 KB arriving in 1000-byte chunks, followed by a credit in the last one
    byte[] body = new byte[100_000];
    Arrays.fill(body, (byte) 7);
    Buffer stream = FrameCodec.encode(new Frame.Data(ID, 3, body)).appendBuffer(FrameCodec.encode(new Frame.Credit(ID, 2)));
    List<Frame> frames = new ArrayList<>();
    var decoder = new FrameDecoder(200_000, frames::add);

    // When
    for (int at = 0; at < stream.length(); at += 1000) {
      decoder.feed(stream.getBuffer(at, Math.min(stream.length(), at + 1000)));
    }

    // Then
    assertSameFrames(List.of(new Frame.Data(ID, 3, body), new Frame.Credit(ID, 2)), frames);
    assertEquals(0, decoder.pendingBytes());
  }

  @Test
  void when_manySmallFramesInOneChunk_then_eachDecodedToItsOwnValue() {
    // Given: non-DATA frames are decoded from one reused array; their values must not share it
    Buffer stream = Buffer.buffer();
    List<Frame> expected = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      Frame f = i % 2 == 0 ? new Frame.Credit(ID, i) : new Frame.Fail(ID, "failure " + i);
      expected.add(f);
      stream.appendBuffer(FrameCodec.encode(f));
    }

    // When
    List<Frame> decoded = decodeAll(List.of(stream, Buffer.buffer()));

    // Then
    assertEquals(expected, decoded);
  }

  @Test
  void when_lengthAboveMaximum_then_rejectedBeforeBuffering() {
    // Given
    var decoder = new FrameDecoder(1024, f -> {});

    // When / Then
    var e = assertThrows(FrameException.class, () -> decoder.feed(Buffer.buffer().appendInt(1025).appendByte(Frame.DATA)));
    assertTrue(e.getMessage().contains("1025"), e.getMessage());
    assertThrows(FrameException.class, () -> new FrameDecoder(1024, f -> {}).feed(Buffer.buffer().appendInt(0)));
    assertThrows(FrameException.class, () -> new FrameDecoder(1024, f -> {}).feed(Buffer.buffer().appendInt(-5)));
  }

  @Test
  void when_unknownTypeOrEventKind_then_frameException() {
    // Given
    Buffer unknownType = Buffer.buffer().appendInt(1).appendByte((byte) 99);
    Buffer event = FrameCodec.encode(new Frame.Event(ID, ChannelEvent.EndOfPartition.INSTANCE));
    event.setByte(event.length() - 1, (byte) 77);

    // When / Then
    assertTrue(assertThrows(FrameException.class, () -> decodeAll(List.of(unknownType))).getMessage().contains("99"));
    assertTrue(assertThrows(FrameException.class, () -> decodeAll(List.of(event))).getMessage().contains("77"));
  }

  @Test
  void when_bodyTruncatedOrPadded_then_frameException() {
    // Given: a credit frame whose length cuts its body short, and one with a trailing byte
    Buffer credit = FrameCodec.encode(new Frame.Credit(ID, 5));
    Buffer truncated = credit.getBuffer(4, credit.length() - 1);
    Buffer cut = Buffer.buffer().appendInt(truncated.length()).appendBuffer(truncated);
    Buffer padded = Buffer.buffer().appendInt(credit.length() - 4 + 1).appendBuffer(credit.getBuffer(4, credit.length())).appendByte((byte) 0);

    // When / Then
    assertThrows(FrameException.class, () -> decodeAll(List.of(cut)));
    assertTrue(assertThrows(FrameException.class, () -> decodeAll(List.of(padded))).getMessage().contains("trailing"));
  }

  @Test
  void when_creditNotPositive_then_frameException() {
    // Given
    Buffer zero = FrameCodec.encode(new Frame.Credit(ID, 0));

    // When / Then
    assertTrue(assertThrows(FrameException.class, () -> decodeAll(List.of(zero))).getMessage().contains("positive"));
  }
}
