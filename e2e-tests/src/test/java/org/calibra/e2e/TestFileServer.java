package org.calibra.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves test files (synthetic DICOM, heatmap PNGs) to the browser from the test JVM, with CORS, so viewer
 * tests need no test content inside the app. Bound to the loopback interface on a free port.
 */
final class TestFileServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    TestFileServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = files.get(path);
                var headers = exchange.getResponseHeaders();
                headers.add("Access-Control-Allow-Origin", "*");
                if ("OPTIONS".equals(exchange.getRequestMethod())) {
                    headers.add("Access-Control-Allow-Headers", "*");
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                headers.add("Content-Type", types.get(path));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** Makes {@code body} available at {@code path} and returns its absolute URL. */
    String put(String path, String contentType, byte[] body) {
        files.put(path, body);
        types.put(path, contentType);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
