package org.calibra.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.calibra.casebank.storage.Blob;

/**
 * A multipart/related body (RFC 2387, PS3.18 8.6.1.2) whose parts are ranges of blobs, written straight from the
 * store to the response: nothing but a copy buffer is held in memory, whatever the size of the series. The total
 * length is known in advance, so the response carries a Content-Length. Files of the folder store are read by position;
 * objects of an S3 store by one ranged GET per range.
 */
final class Multipart {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One part: {@code ranges} of {@code blob}, concatenated. */
    record Part(String contentType, Blob blob, List<long[]> ranges) {
        long bodyLength() {
            return ranges.stream().mapToLong(r -> r[1]).sum();
        }
    }

    final String boundary;
    private final List<Part> parts;

    Multipart(List<Part> parts) {
        // random, so it cannot occur in the data by design of an attacker or by chance
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        this.boundary = "calibra-" + HexFormat.of().formatHex(b);
        this.parts = List.copyOf(parts);
    }

    /** The response's Content-Type. */
    String contentType(String partType) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    private byte[] head(Part p) {
        return ("--" + boundary + "\r\nContent-Type: " + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] tail() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    long length() {
        long n = tail().length;
        for (Part p : parts) {
            n += head(p).length + p.bodyLength() + 2;
        }
        return n;
    }

    /**
     * Copies through one 256 KiB buffer per thread: a CT frame goes out in one or two writes (FileChannel.transferTo into
     * a servlet stream copies in 8 KiB steps; docs/performance.md has the before and after).
     */
    void write(OutputStream out) throws IOException {
        byte[] buffer = BUFFER.get();
        for (Part p : parts) {
            out.write(head(p));
            if (p.blob().localFile().isPresent()) {
                writeFromFile(p, buffer, out);
            } else {
                writeFromStreams(p, buffer, out);
            }
            out.write(CRLF);
        }
        out.write(tail());
        out.flush();
    }

    private static void writeFromFile(Part p, byte[] buffer, OutputStream out) throws IOException {
        try (FileChannel in = FileChannel.open(p.blob().localFile().orElseThrow(), StandardOpenOption.READ)) {
            for (long[] r : p.ranges()) {
                long done = 0;
                while (done < r[1]) {
                    int n = in.read(ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, r[1] - done)), r[0] + done);
                    if (n <= 0) {
                        throw new IOException("blob " + p.blob().sha256() + " ends before byte " + (r[0] + r[1]));
                    }
                    out.write(buffer, 0, n);
                    done += n;
                }
            }
        }
    }

    private static void writeFromStreams(Part p, byte[] buffer, OutputStream out) throws IOException {
        for (long[] r : p.ranges()) {
            try (var in = p.blob().openRange(r[0], r[1])) {
                long done = 0;
                while (done < r[1]) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, r[1] - done));
                    if (n <= 0) {
                        throw new IOException("blob " + p.blob().sha256() + " ends before byte " + (r[0] + r[1]));
                    }
                    out.write(buffer, 0, n);
                    done += n;
                }
            }
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[256 * 1024]);
}
