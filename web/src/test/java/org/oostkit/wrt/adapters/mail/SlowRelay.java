package org.oostkit.wrt.adapters.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP relay to a local server that delays what the client sends by a fixed time per chunk, as a distant
 * mail server would: a sender then spends most of each mail waiting in the middle of the hand-over, which
 * is where a killed instance leaves mails whose outcome it cannot know. After {@link #hold()} the server's answers
 * are lost on their way: a sender in the middle of a hand-over stays there, so that a kill is sure to find
 * mails whose outcome nobody can know (some of them have reached the server).
 */
final class SlowRelay implements AutoCloseable {

    private final ServerSocket socket;
    private final int target;
    private final Duration latency;
    private volatile boolean holding;

    SlowRelay(int target, Duration latency) {
        this.target = target;
        this.latency = latency;
        try {
            this.socket = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept, "slow-relay").start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** From now on the server's answers (but the go-ahead for a mail's data) go no further: they are dropped. */
    void hold() {
        holding = true;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket("127.0.0.1", target);
                daemon(() -> pump(client, server, true), "slow-relay-up").start();
                daemon(() -> pump(server, client, false), "slow-relay-down").start();
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (delayed) {
                    Thread.sleep(latency.toMillis()); // the simulated network delay, not a wait for a condition
                } else if (holding && !goAheadForData(buffer, read)) {
                    // the server's answer is lost on its way: the client waits for it until it is killed, when
                    // the server's side closes between two commands (never in the middle of a mail's data)
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away (a killed client): the other is closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(from);
            close(to);
        }
    }

    /** SMTP's "354 start mail input": held back, it would leave the server waiting inside a mail's data. */
    private static boolean goAheadForData(byte[] answer, int length) {
        return length >= 3 && answer[0] == '3' && answer[1] == '5' && answer[2] == '4';
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
