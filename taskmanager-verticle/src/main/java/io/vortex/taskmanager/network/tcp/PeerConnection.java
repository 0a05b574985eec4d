package io.vortex.taskmanager.network.tcp;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one connection to another TaskManager, carrying every channel between the two. Frames
 * written before the socket is up (the peer dials us, or our dial is under way) wait here.
 *
 * <p>Threading: confined to the transport's connection context.
 */
final class PeerConnection {
  private static final System.Logger LOG = System.getLogger(PeerConnection.class.getName());

  private final String peerId;
  private final Consumer<PeerConnection> onLost;
  private NetSocket socket;
  private List<Buffer> pending = new ArrayList<>();
  private Throwable closedBy;

  PeerConnection(String peerId, Consumer<PeerConnection> onLost) {
    this.peerId = peerId;
    this.onLost = onLost;
  }

  String peerId() {
    return peerId;
  }

  /**
   * Starts reading {@code socket} (frames go to {@code frames}) and sends what waited. A second
   * socket for the same peer is refused.
   */
  void attach(NetSocket socket, FrameDecoder decoder) {
    if (this.socket != null || closedBy != null) {
      LOG.log(
          System.Logger.Level.DEBUG,
          (closedBy != null ? "connection to TaskManager " + peerId + " arrived after it was closed"
              : "a second connection to TaskManager " + peerId) + ": closing it");
      socket.close();
      return;
    }
    this.socket = socket;
    socket.handler(chunk -> read(decoder, chunk));
    socket.exceptionHandler(e -> fail(new ChannelFailedException("connection to TaskManager " + peerId + " failed: " + e.getMessage(), e)));
    socket.closeHandler(v -> fail(new ChannelFailedException("connection to TaskManager " + peerId + " closed")));
    for (Buffer b : pending) {
      socket.write(b);
    }
    pending = null;
  }

  /** Reads one chunk; a protocol error closes the connection (and fails its channels). */
  void read(FrameDecoder decoder, Buffer chunk) {
    if (closedBy != null) {
      return;
    }
    try {
      decoder.feed(chunk);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "closing the connection to TaskManager " + peerId + ": " + e.getMessage());
      fail(new ChannelFailedException("protocol error on the connection to TaskManager " + peerId + ": " + e.getMessage(), e));
    }
  }

  void write(Buffer frame) {
    if (closedBy != null) {
      return;
    }
    if (socket == null) {
      pending.add(frame);
    } else {
      socket.write(frame);
    }
  }

  /** Closes the connection once; its channels fail with {@code cause}. */
  void fail(Throwable cause) {
    if (closedBy != null) {
      return;
    }
    closedBy = cause;
    pending = null;
    if (socket != null) {
      socket.close();
    }
    onLost.accept(this);
  }

  Throwable closedBy() {
    return closedBy;
  }

  boolean isClosed() {
    return closedBy != null;
  }
}
