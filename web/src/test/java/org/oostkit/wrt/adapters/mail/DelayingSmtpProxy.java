package org.oostkit.wrt.adapters.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A mail server that works but is slow, as real ones are: every connection is passed on to the test SMTP
 * server only after {@code delayMillis}. A mail sent on the request thread then shows in the answer time.
 */
final class DelayingSmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final long delayMillis;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "delaying-smtp");
        thread.setDaemon(true);
        return thread;
    });

    DelayingSmtpProxy(int target, long delayMillis) {
        this.target = target;
        this.delayMillis = delayMillis;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "delaying-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                scheduler.schedule(() -> connect(client), delayMillis, TimeUnit.MILLISECONDS);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            pipe(client, upstream);
            pipe(upstream, client);
        } catch (IOException down) {
            close(client); // the test server is stopped: the client sees the connection drop
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ignored) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "delaying-smtp-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        server.close();
    }
}
