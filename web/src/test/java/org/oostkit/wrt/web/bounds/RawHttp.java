package org.oostkit.wrt.web.bounds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 by hand on a socket, for what java.net.http cannot do: choose the local address, send a body
 * slowly or not at all, and see when the server answers or closes.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    RawHttp(String localAddress, int port) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        socket.setSoTimeout(10_000);
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** The whole answer up to the end of its headers and a body of Content-Length bytes (none when absent). */
    String response(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the headers: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Whether the server closes the connection within the time, with nothing more sent by us. */
    boolean closedWithin(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // anything left of the answer
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
