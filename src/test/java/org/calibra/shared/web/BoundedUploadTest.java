package org.calibra.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.streams.UploadEvent;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-side upload limit: a request over the limit is rejected in words and never handed on. */
class BoundedUploadTest {

    final List<String> received = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final BoundedUpload handler = new BoundedUpload(1 << 20, (name, bytes) -> received.add(name + ":" + bytes.length), refused::add);

    @Test
    void an_upload_over_the_limit_is_rejected_with_the_limit_in_words() throws Exception {
        UploadEvent event = event("big.zip", (1 << 20) + 1);

        handler.handleUploadRequest(event);

        verify(event).reject("big.zip is larger than the 1 MB an upload may have");
        assertThat(received).isEmpty();
        assertThat(refused).containsExactly("big.zip is larger than the 1 MB an upload may have");
        assertThat(handler.getFileSizeMax()).isEqualTo(1 << 20);
    }

    @Test
    void an_upload_within_the_limit_is_handed_on_whole() throws Exception {
        UploadEvent event = event("ok.zip", 1 << 20);

        handler.handleUploadRequest(event);

        verify(event, never()).reject(org.mockito.ArgumentMatchers.anyString());
        assertThat(received).containsExactly("ok.zip:" + (1 << 20));
    }

    @Test
    void a_two_gigabyte_upload_is_refused_after_reading_no_more_than_the_limit() throws Exception {
        long twoGb = 2L << 30;
        var read = new java.util.concurrent.atomic.AtomicLong();
        var endless = new java.io.InputStream() { // 2 GB of zeros, never held in memory
            long left = twoGb;

            @Override
            public int read() {
                return read(new byte[1], 0, 1) < 0 ? -1 : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                left -= n;
                read.addAndGet(n);
                return n;
            }
        };
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn("huge.zip");
        when(event.getInputStream()).thenReturn(endless);

        handler.handleUploadRequest(event);

        verify(event).reject("huge.zip is larger than the 1 MB an upload may have");
        assertThat(received).isEmpty();
        assertThat(read.get()).as("stops reading just past the limit").isLessThanOrEqualTo((1 << 20) + 1 + 8192);
    }

    @Test
    void the_limit_is_named_in_whole_units() {
        assertThat(BoundedUpload.sizeInWords(1 << 20)).isEqualTo("1 MB");
        assertThat(BoundedUpload.sizeInWords(200L << 20)).isEqualTo("200 MB");
        assertThat(BoundedUpload.sizeInWords(512 << 10)).isEqualTo("512 KB");
        // 1.5 MB is not a whole number of megabytes: 1536 KB, never rounded to "2 MB"
        assertThat(BoundedUpload.sizeInWords(3 << 19)).isEqualTo("1536 KB");
        assertThat(BoundedUpload.sizeInWords(1000)).isEqualTo("1000 bytes");
    }

    private static UploadEvent event(String name, int size) {
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn(name);
        when(event.getInputStream()).thenReturn(new ByteArrayInputStream(new byte[size]));
        return event;
    }
}
