package org.calibra.authoring.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives one upload into memory, but never more than {@code maxBytes}: the browser's size check can be bypassed,
 * so the server stops reading at the limit and rejects the file with the limit in words.
 */
class BoundedUpload implements UploadHandler {

    private final long maxBytes;
    private final BiConsumer<String, byte[]> onReceived;
    private final Consumer<String> onRefused;

    BoundedUpload(long maxBytes, BiConsumer<String, byte[]> onReceived, Consumer<String> onRefused) {
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
            String why = event.getFileName() + " is larger than the " + (maxBytes >> 20) + " MB an upload may have";
            event.reject(why);
            onRefused.accept(why);
            return;
        }
        onReceived.accept(event.getFileName(), bytes);
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
