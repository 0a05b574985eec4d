package io.vortex.taskmanager.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputGateTest {

  /** Records what the gate delivers, in order. */
  private static final class Recorder implements InputGate.Listener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void onBatch(int input, RecordBatch batch) {
      StringBuilder s = new StringBuilder("batch" + input + ":");
      for (int i = 0; i < batch.size(); i++) {
        s.append(i == 0 ? "" : ",").append(batch.value(i));
      }
      seen.add(s.toString());
    }

    @Override
    public void onWatermark(long watermark) {
      seen.add("wm:" + (watermark == Long.MAX_VALUE ? "MAX" : String.valueOf(watermark)));
    }

    @Override
    public void onIdle(boolean idle) {
      seen.add("idle:" + idle);
    }

    List<String> take() {
      List<String> copy = List.copyOf(seen);
      seen.clear();
      return copy;
    }
  }

  private static RecordBatch batch(Object... values) {
    var batch = new RecordBatch(values.length);
    for (Object v : values) {
      batch.add(v, 0);
    }
    return batch;
  }

  private static InputGate gate(LocalChannel... channels) {
    return new InputGate(List.of(channels), new int[channels.length]);
  }

  private static void drain(InputGate gate, Recorder recorder) throws Exception {
    while (gate.read(recorder, 1000) == InputGate.Status.MORE_AVAILABLE) {
      // keep reading
    }
  }

  @Test
  void when_watermarksOnTwoChannels_then_combinedIsTheMinimum() throws Exception {
    // Given
    var c0 = new LocalChannel(8);
    var c1 = new LocalChannel(8);
    var gate = gate(c0, c1);
    var recorder = new Recorder();

    // When channel 0 runs ahead
    c0.send(new ChannelEvent.Watermark(10));
    c0.send(new ChannelEvent.Watermark(20));
    drain(gate, recorder);

    // Then nothing: channel 1 holds it back
    assertEquals(List.of(), recorder.take());
    assertEquals(Long.MIN_VALUE, gate.watermark());

    // When channel 1 catches up partly, then fully
    c1.send(new ChannelEvent.Watermark(15));
    drain(gate, recorder);
    c1.send(new ChannelEvent.Watermark(30));
    drain(gate, recorder);

    // Then
    assertEquals(List.of("wm:15", "wm:20"), recorder.take());
    assertEquals(20, gate.watermark());
  }

  @Test
  void when_channelWatermarkGoesBack_then_combinedNeverDoes() throws Exception {
    // Given
    var c0 = new LocalChannel(8);
    var gate = gate(c0);
    var recorder = new Recorder();

    // When
    c0.send(new ChannelEvent.Watermark(10));
    c0.send(new ChannelEvent.Watermark(5));
    c0.send(new ChannelEvent.Watermark(10));
    c0.send(new ChannelEvent.Watermark(11));
    drain(gate, recorder);

    // Then
    assertEquals(List.of("wm:10", "wm:11"), recorder.take());
  }

  @Test
  void when_channelIdle_then_excludedFromTheMinimum() throws Exception {
    // Given
    var active = new LocalChannel(8);
    var quiet = new LocalChannel(8);
    var gate = gate(active, quiet);
    var recorder = new Recorder();
    active.send(new ChannelEvent.Watermark(100));
    drain(gate, recorder);

    // When the quiet channel declares itself idle
    quiet.send(new ChannelEvent.IdleStatus(true));
    drain(gate, recorder);

    // Then the active channel's watermark goes through; the gate is not idle
    assertEquals(List.of("wm:100"), recorder.take());

    // When the quiet channel wakes up with records and a low watermark
    quiet.send(batch("late"));
    drain(gate, recorder);
    quiet.send(new ChannelEvent.Watermark(50));
    active.send(new ChannelEvent.Watermark(200));
    drain(gate, recorder);

    // Then it holds the combined watermark back again (which never goes backwards)
    assertEquals(List.of("batch0:late"), recorder.take());
    assertEquals(100, gate.watermark());

    // When it catches up
    quiet.send(new ChannelEvent.Watermark(300));
    drain(gate, recorder);

    // Then
    assertEquals(List.of("wm:200"), recorder.take());
  }

  @Test
  void when_allChannelsIdle_then_gateIdleAndActiveAgainOnData() throws Exception {
    // Given
    var c0 = new LocalChannel(8);
    var c1 = new LocalChannel(8);
    var gate = gate(c0, c1);
    var recorder = new Recorder();

    // When
    c0.send(new ChannelEvent.IdleStatus(true));
    drain(gate, recorder);
    c1.send(new ChannelEvent.IdleStatus(true));
    drain(gate, recorder);

    // Then
    assertEquals(List.of("idle:true"), recorder.take());

    // When a batch arrives on one channel
    c1.send(batch(1));
    drain(gate, recorder);

    // Then the gate is active before the batch is delivered
    assertEquals(List.of("idle:false", "batch0:1"), recorder.take());
  }

  @Test
  void when_lastActiveChannelGoesIdle_then_highestWatermarkFlushed() throws Exception {
    // Given: channel 0 reached 40, channel 1 is still at 10
    var c0 = new LocalChannel(8);
    var c1 = new LocalChannel(8);
    var gate = gate(c0, c1);
    var recorder = new Recorder();
    c0.send(new ChannelEvent.Watermark(40));
    c1.send(new ChannelEvent.Watermark(10));
    drain(gate, recorder);
    assertEquals(List.of("wm:10"), recorder.take());

    // When both go idle, the one ahead first
    c0.send(new ChannelEvent.IdleStatus(true));
    drain(gate, recorder);
    c1.send(new ChannelEvent.IdleStatus(true));
    drain(gate, recorder);

    // Then no channel holds event time back any more: the highest watermark goes through
    // (as Flink's StatusWatermarkValve does), and the gate is idle
    assertEquals(List.of("idle:true", "wm:40"), recorder.take());
  }

  @Test
  void when_allChannelsEnd_then_finalWatermarkAndEndOfInput() throws Exception {
    // Given
    var c0 = new LocalChannel(8);
    var c1 = new LocalChannel(8);
    var gate = gate(c0, c1);
    var recorder = new Recorder();

    // When one channel ends
    c0.send(new ChannelEvent.Watermark(7));
    c0.send(ChannelEvent.EndOfPartition.INSTANCE);
    c1.send(new ChannelEvent.Watermark(3));

    // Then the ended channel no longer holds anything back, and input goes on
    assertEquals(InputGate.Status.NOTHING_AVAILABLE, readAll(gate, recorder));
    assertEquals(List.of("wm:3"), recorder.take());

    // When the other ends too
    c1.send(ChannelEvent.EndOfPartition.INSTANCE);

    // Then
    assertEquals(InputGate.Status.END_OF_INPUT, readAll(gate, recorder));
    assertEquals(List.of("wm:MAX"), recorder.take());
    assertEquals(InputGate.Status.END_OF_INPUT, gate.read(recorder, 10));
  }

  private static InputGate.Status readAll(InputGate gate, Recorder recorder) throws Exception {
    InputGate.Status status;
    do {
      status = gate.read(recorder, 1000);
    } while (status == InputGate.Status.MORE_AVAILABLE);
    return status;
  }

  @Test
  void when_batchesAndEventsInterleaved_then_deliveredInChannelOrderWithTheirInput()
      throws Exception {
    // Given: channel 0 is input 0, channel 1 is input 1 (a two-input operator)
    var c0 = new LocalChannel(8);
    var c1 = new LocalChannel(8);
    var gate = new InputGate(List.of(c0, c1), new int[] {0, 1});
    var recorder = new Recorder();

    // When
    c0.send(batch("a", "b"));
    c0.send(new ChannelEvent.Watermark(5));
    c0.send(batch("c"));
    c1.send(new ChannelEvent.Watermark(6));
    c1.send(batch("x"));
    drain(gate, recorder);

    // Then: per channel in order; the watermark waits for both channels
    List<String> seen = recorder.take();
    List<String> fromC0 = seen.stream().filter(s -> s.startsWith("batch0")).toList();
    assertEquals(List.of("batch0:a,b", "batch0:c"), fromC0);
    assertEquals(List.of("batch1:x"), seen.stream().filter(s -> s.startsWith("batch1")).toList());
    assertEquals(List.of("wm:5"), seen.stream().filter(s -> s.startsWith("wm")).toList());
    int wm = seen.indexOf("wm:5");
    assertEquals(true, wm > seen.indexOf("batch0:a,b"), seen.toString());
  }

  @Test
  void when_readLimitReached_then_moreAvailableAndRoundRobin() throws Exception {
    // Given
    var c0 = new LocalChannel(8);
    var c1 = new LocalChannel(8);
    var gate = gate(c0, c1);
    var recorder = new Recorder();
    for (int i = 0; i < 3; i++) {
      c0.send(batch("a" + i, "a" + i));
      c1.send(batch("b" + i, "b" + i));
    }

    // When
    InputGate.Status first = gate.read(recorder, 4);

    // Then: two batches of two records, one from each channel
    assertEquals(InputGate.Status.MORE_AVAILABLE, first);
    assertEquals(List.of("batch0:a0,a0", "batch0:b0,b0"), recorder.take());
  }

  @Test
  void when_nothingQueued_then_nothingAvailable() throws Exception {
    // Given
    var gate = gate(new LocalChannel(1), new LocalChannel(1));

    // When / Then
    assertEquals(InputGate.Status.NOTHING_AVAILABLE, gate.read(new Recorder(), 10));
  }

  @Test
  void when_inputIndicesDoNotMatchChannels_then_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new InputGate(List.of(new LocalChannel(1)), new int[] {0, 1}));
  }
}
