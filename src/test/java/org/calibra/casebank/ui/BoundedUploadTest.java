package org.calibra.casebank.ui;

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

    private static UploadEvent event(String name, int size) {
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn(name);
        when(event.getInputStream()).thenReturn(new ByteArrayInputStream(new byte[size]));
        return event;
    }
}
