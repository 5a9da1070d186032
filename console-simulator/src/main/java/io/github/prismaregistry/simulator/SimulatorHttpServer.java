package io.github.prismaregistry.simulator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A small blocking HTTP/1.1 server on plain sockets.
 *
 * <p>Written by hand rather than on com.sun.net.httpserver because fault injection needs to close a connection
 * without any response, or after half a body, which that server does not allow cleanly.
 */
final class SimulatorHttpServer implements Closeable {

    /** Produces the response for one request; may block (delay faults). */
    interface Handler {
        HttpResponse handle(HttpRequest request) throws InterruptedException;
    }

    // Test suites often leak idle keep-alive connections (a client per test); each holds a thread until it idles out.
    private static final int MAX_THREADS = 2048;
    private static final int IDLE_TIMEOUT_MILLIS = 2 * 60 * 1000;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final long MAX_BODY_BYTES = 512L * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SimulatorHttpServer(InetAddress bindAddress, int port, SSLContext sslContext, Handler handler, String threadName)
            throws IOException {
        this.handler = handler;
        ServerSocket socket = sslContext == null
                ? new ServerSocket()
                : sslContext.getServerSocketFactory().createServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port), 512);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        this.serverSocket = socket;
        AtomicInteger threadNumber = new AtomicInteger();
        // One thread per open connection: keep-alive clients hold theirs between requests.
        this.workers = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, threadName + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, threadName + "-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            openSockets.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException tooManyConnections) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            if (socket instanceof SSLSocket) {
                ((SSLSocket) socket).startHandshake();
            }
            Input in = new Input(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                HttpRequest request;
                try {
                    request = readRequest(in, out);
                } catch (MalformedRequest malformed) {
                    write(out, HttpResponse.text(malformed.status, malformed.getMessage()), false, false);
                    return;
                }
                if (request == null) {
                    return;
                }
                HttpResponse response;
                try {
                    response = handler.handle(request);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException bug) {
                    System.err.println("console simulator: internal error handling " + request.method + " "
                            + request.path + ": " + bug);
                    bug.printStackTrace();
                    response = HttpResponse.json(500, ("{\"err\":\"simulator internal error: "
                            + bug.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                if (response.delivery == HttpResponse.Delivery.DROP_CONNECTION) {
                    return;
                }
                boolean keepAlive = request.wantsKeepAlive() && !closed;
                if (response.delivery == HttpResponse.Delivery.TRUNCATE_BODY) {
                    writeTruncated(out, response);
                    return;
                }
                write(out, response, keepAlive, "HEAD".equals(request.method));
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SSLException | SocketException | EOFException expected) {
            // Clients hang up, time out or refuse our certificate; none of that is the simulator's problem.
        } catch (IOException ignored) {
            // Same as above for other I/O failures of one connection.
        } finally {
            openSockets.remove(socket);
            closeQuietly(socket);
        }
    }

    private static void write(OutputStream out, HttpResponse response, boolean keepAlive, boolean head)
            throws IOException {
        out.write(headerBlock(response, response.body.length, keepAlive));
        if (!head && response.body.length > 0) {
            out.write(response.body);
        }
        out.flush();
    }

    private static void writeTruncated(OutputStream out, HttpResponse response) throws IOException {
        byte[] body = response.body;
        // An empty body cannot be halved: promise some bytes and send none, which is just as cut off.
        int declared = body.length == 0 ? 2 : body.length;
        out.write(headerBlock(response, declared, true));
        out.write(body, 0, body.length / 2);
        out.flush();
    }

    private static byte[] headerBlock(HttpResponse response, int contentLength, boolean keepAlive) {
        StringBuilder head = new StringBuilder(192);
        head.append("HTTP/1.1 ").append(response.status).append(' ')
                .append(HttpResponse.reasonPhrase(response.status)).append("\r\n");
        if (response.extraHeaders.stream().noneMatch(header -> header[0].equalsIgnoreCase("Date"))) {
            head.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        }
        if (response.contentType != null) {
            head.append("Content-Type: ").append(response.contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(contentLength).append("\r\n");
        for (String[] header : response.extraHeaders) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest readRequest(Input in, OutputStream out) throws IOException {
        String requestLine;
        int budget = MAX_HEADER_BYTES;
        do {
            requestLine = in.readLine(budget);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new MalformedRequest(400, "malformed request line");
        }
        budget -= requestLine.length();
        List<String[]> headers = new ArrayList<>(16);
        while (true) {
            String line = in.readLine(budget);
            if (line == null) {
                throw new EOFException("connection closed inside the request headers");
            }
            if (line.isEmpty()) {
                break;
            }
            budget -= line.length() + 2;
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new MalformedRequest(400, "malformed header");
            }
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        HttpRequest head = new HttpRequest(parts[0], parts[1], parts[2], headers, HttpResponse.NO_BODY);
        String transferEncoding = head.header("Transfer-Encoding");
        String contentLength = head.header("Content-Length");
        boolean chunked = transferEncoding != null && HttpRequest.hasToken(transferEncoding, "chunked");
        long length = 0;
        if (!chunked && contentLength != null) {
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                throw new MalformedRequest(400, "malformed Content-Length");
            }
            if (length < 0) {
                throw new MalformedRequest(400, "malformed Content-Length");
            }
            if (length > MAX_BODY_BYTES) {
                throw new MalformedRequest(413, "request body too large");
            }
        }
        String expect = head.header("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && (chunked || length > 0)) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body = chunked ? in.readChunked(MAX_BODY_BYTES) : in.readFully((int) length);
        return new HttpRequest(parts[0], parts[1], parts[2], headers, body);
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /** The client sent something that is not HTTP/1.1; answered with {@link #status} and the connection closed. */
    private static final class MalformedRequest extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        MalformedRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Buffered reader of request lines and bodies, without the per-byte locking of BufferedInputStream. */
    private static final class Input {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** A line without its CRLF (or bare LF); null at end of stream before any byte. */
        String readLine(int maxBytes) throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position >= limit && !fill()) {
                    if (line == null) {
                        return null;
                    }
                    throw new EOFException("connection closed inside a line");
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new StringBuilder(64);
                }
                line.append(new String(buffer, start, position - start, StandardCharsets.ISO_8859_1));
                if (line.length() > maxBytes) {
                    throw new MalformedRequest(431, "request headers too large");
                }
                if (position < limit) {
                    position++;
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
            }
        }

        byte[] readFully(int length) throws IOException {
            if (length == 0) {
                return HttpResponse.NO_BODY;
            }
            byte[] result = new byte[length];
            int filled = Math.min(length, limit - position);
            System.arraycopy(buffer, position, result, 0, filled);
            position += filled;
            while (filled < length) {
                int read = in.read(result, filled, length - filled);
                if (read < 0) {
                    throw new EOFException("connection closed inside the request body");
                }
                filled += read;
            }
            return result;
        }

        byte[] readChunked(long maxBytes) throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(1024);
                if (sizeLine == null) {
                    throw new EOFException("connection closed inside a chunked body");
                }
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
                int size;
                try {
                    size = Integer.parseInt(hex, 16);
                } catch (NumberFormatException e) {
                    throw new MalformedRequest(400, "malformed chunk size");
                }
                if (size < 0 || body.size() + (long) size > maxBytes) {
                    throw new MalformedRequest(413, "request body too large");
                }
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = readLine(MAX_HEADER_BYTES);
                    } while (trailer != null && !trailer.isEmpty());
                    return body.toByteArray();
                }
                body.write(readFully(size));
                String end = readLine(16);
                if (end == null || !end.isEmpty()) {
                    throw new MalformedRequest(400, "malformed chunk");
                }
            }
        }
    }
}
