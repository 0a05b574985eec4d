package io.vortex.taskmanager.network.tcp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * A TaskManager's data server: accepts the connections other TaskManagers dial, reads their
 * HELLO and hands each to the transport as the connection to that TaskManager.
 *
 * <p>Threading: started once; connections are handled on the context that started it.
 */
final class DataServer {
  private static final System.Logger LOG = System.getLogger(DataServer.class.getName());

  /** Where an accepted connection goes once its peer is known. */
  interface Acceptor {
    /**
     * The connection to {@code peerId}, now reading {@code socket} with {@code decoder} (the
     * rest of this chunk's frames go to it too), or null when it is refused.
     */
    PeerConnection accept(String peerId, NetSocket socket, FrameDecoder decoder);

    void onFrame(PeerConnection from, Frame frame);
  }

  private final Vertx vertx;
  private final Acceptor acceptor;
  private NetServer server;

  DataServer(Vertx vertx, Acceptor acceptor) {
    this.vertx = vertx;
    this.acceptor = acceptor;
  }

  /** Listens on {@code host:port} (0 = any free port); completes with the bound port. */
  Future<Integer> listen(String host, int port) {
    server =
        vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
            .connectHandler(this::handshake);
    return server.listen().map(NetServer::actualPort);
  }

  private void handshake(NetSocket socket) {
    PeerConnection[] connection = new PeerConnection[1];
    FrameDecoder[] decoder = new FrameDecoder[1];
    decoder[0] =
        new FrameDecoder(
            NetworkConfig.MAX_FRAME_LENGTH,
            frame -> {
              if (connection[0] != null) {
                acceptor.onFrame(connection[0], frame);
              } else if (frame instanceof Frame.Hello hello) {
                connection[0] = acceptor.accept(hello.taskManagerId(), socket, decoder[0]);
                if (connection[0] == null) {
                  throw new FrameException("a second connection from TaskManager " + hello.taskManagerId());
                }
              } else {
                throw new FrameException("the first frame must be HELLO, was " + frame.getClass().getSimpleName());
              }
            });
    socket.handler(
        chunk -> {
          try { // until the HELLO: then the connection reads the socket
            decoder[0].feed(chunk);
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "closing a data connection from " + socket.remoteAddress() + ": " + e.getMessage());
            socket.close();
          }
        });
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
