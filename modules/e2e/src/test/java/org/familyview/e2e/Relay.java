package org.familyview.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * A TCP relay on loopback between the application and a real service (PostgreSQL or Elasticsearch),
 * which a test cuts (every connection dropped, new ones refused) and restores, as a failed host or
 * a network partition would. It can also cut itself the moment the application sends a given text
 * (e.g. the first {@code /_bulk} request of an index build), so that a service goes down in the
 * middle of a step rather than somewhere near it.
 */
final class Relay implements AutoCloseable {

  private final int target;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile @Nullable ServerSocket server;
  private volatile byte @Nullable [] trigger;
  private volatile CountDownLatch triggered = new CountDownLatch(1);

  private Relay(int target) throws IOException {
    this.target = target;
    ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = listening.getLocalPort();
    this.server = listening;
    accept(listening);
  }

  static Relay to(int target) throws IOException {
    return new Relay(target);
  }

  int port() {
    return port;
  }

  /** Cuts the relay as soon as the application sends this text on any connection. */
  CountDownLatch cutWhenSent(String text) {
    triggered = new CountDownLatch(1);
    trigger = text.getBytes(StandardCharsets.US_ASCII);
    return triggered;
  }

  synchronized void cut() throws IOException {
    trigger = null;
    ServerSocket listening = server;
    server = null;
    if (listening != null) {
      listening.close();
    }
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  synchronized void restore() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server = again;
    accept(again);
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private void accept(ServerSocket listening) {
    Thread.ofVirtual()
        .start(
            () -> {
              while (!listening.isClosed()) {
                try {
                  relay(listening.accept());
                } catch (IOException e) {
                  // closed by cut()
                }
              }
            });
  }

  private void relay(Socket client) throws IOException {
    open.add(client);
    try {
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
      open.add(upstream);
      pump(client, upstream, true);
      pump(upstream, client, false);
    } catch (IOException refused) {
      client.close();
    }
  }

  private void pump(Socket from, Socket to, boolean watched) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  if (watched && sends(buffer, n)) {
                    cut();
                    triggered.countDown();
                    return;
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
  }

  private boolean sends(byte[] buffer, int length) {
    byte[] text = trigger;
    if (text == null) {
      return false;
    }
    outer:
    for (int i = 0; i + text.length <= length; i++) {
      for (int j = 0; j < text.length; j++) {
        if (buffer[i + j] != text[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
