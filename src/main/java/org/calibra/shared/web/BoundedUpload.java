package org.calibra.shared.web;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives one upload into memory, but never more than {@code maxBytes}: the browser's size check can be bypassed,
 * so the server stops reading at the limit and rejects the file, naming it and the limit in words. Shared by every page
 * that takes a file (case uploads in authoring, curriculum files in the builder).
 *
 * <p>Both callbacks run on the upload request, outside the UI's lock: a page changes itself through {@code ui.access}.
 */
public class BoundedUpload implements UploadHandler {

    private final long maxBytes;
    private final BiConsumer<String, byte[]> onReceived;
    private final Consumer<String> onRefused;

    /**
     * @param onReceived the file's name and its bytes, at most {@code maxBytes}
     * @param onRefused  why the file was refused, e.g. "big.zip is larger than the 1 MB an upload may have"
     */
    public BoundedUpload(long maxBytes, BiConsumer<String, byte[]> onReceived, Consumer<String> onRefused) {
        this.maxBytes = maxBytes;
        this.onReceived = onReceived;
        this.onRefused = onRefused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            String why = event.getFileName() + " is larger than the " + sizeInWords(maxBytes) + " an upload may have";
            event.reject(why);
            onRefused.accept(why);
            return;
        }
        onReceived.accept(event.getFileName(), bytes);
    }

    /** 1048576 → "1 MB", 524288 → "512 KB", 1000 → "1000 bytes": whole units only, so the limit is never rounded up. */
    public static String sizeInWords(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
