package org.calibra.operations;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * DICOMweb bytes served and request latency, by kind of request, measured around the controllers: the response's
 * output is counted as it is written, so the DICOMweb code stays unaware. Registered for {@code /dicomweb/*} after
 * Spring Security ({@link OperationsConfig}), so refused requests are not counted as served.
 */
class DicomWebMetrics extends OncePerRequestFilter {

    private final MeterRegistry registry;

    DicomWebMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        var counting = new CountingResponse(response);
        try {
            chain.doFilter(request, counting);
            counting.flushBuffer();
        } finally {
            String kind = kindOf(request.getRequestURI());
            String outcome = outcomeOf(counting.getStatus());
            Timer.builder("calibra.dicomweb.requests")
                    .description("DICOMweb request latency (WADO-RS, QIDO-RS), until the last byte is written")
                    .tag("kind", kind).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
            DistributionSummary.builder("calibra.dicomweb.served")
                    .description("Bytes of DICOMweb response bodies (instances, frames, metadata, search results)")
                    .baseUnit("bytes")
                    .tag("kind", kind).tag("outcome", outcome)
                    .register(registry).record(counting.bytes());
        }
    }

    /** frames, metadata, search (QIDO-RS) or retrieve (whole studies, series, instances): a handful of values, never ids. */
    static String kindOf(String uri) {
        if (uri.contains("/frames/")) {
            return "frames";
        }
        if (uri.endsWith("/metadata")) {
            return "metadata";
        }
        if (uri.endsWith("/studies") || uri.endsWith("/series") || uri.endsWith("/instances")) {
            return "search";
        }
        return "retrieve";
    }

    static String outcomeOf(int status) {
        return status < 300 ? "success" : status == 304 ? "not_modified" : status < 400 ? "redirection" : status < 500 ? "client_error" : "server_error";
    }

    /** Counts what passes through the response's stream or writer. */
    private static final class CountingResponse extends HttpServletResponseWrapper {

        private long bytes;
        private ServletOutputStream stream;
        private PrintWriter writer;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream inner = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        inner.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        inner.write(b, off, len);
                        bytes += len;
                    }

                    @Override
                    public void flush() throws IOException {
                        inner.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        inner.close();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        inner.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String charset = getCharacterEncoding();
                writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(),
                        charset == null ? StandardCharsets.ISO_8859_1 : java.nio.charset.Charset.forName(charset)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }
    }
}
