package org.calibra.curriculum.builder.ui;

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

/** The curriculum upload's 1 MB limit holds on the server too: a larger file is refused, naming it and the limit. */
class CurriculaUploadLimitTest {

    final List<Integer> received = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final com.vaadin.flow.server.streams.UploadHandler handler = CurriculaView.uploadHandler(bytes -> received.add(bytes.length), refused::add);

    @Test
    void a_file_over_one_megabyte_is_refused_with_its_name_and_the_limit_and_never_published() throws Exception {
        UploadEvent event = event("programme.yaml", CurriculaView.MAX_UPLOAD + 1);

        handler.handleUploadRequest(event);

        verify(event).reject("programme.yaml is larger than the 1 MB an upload may have");
        assertThat(received).isEmpty();
        assertThat(refused).containsExactly("programme.yaml is larger than the 1 MB an upload may have.");
        assertThat(handler.getFileSizeMax()).isEqualTo(CurriculaView.MAX_UPLOAD);
    }

    @Test
    void a_file_of_exactly_one_megabyte_is_handed_on_whole() throws Exception {
        UploadEvent event = event("programme.yaml", CurriculaView.MAX_UPLOAD);

        handler.handleUploadRequest(event);

        verify(event, never()).reject(org.mockito.ArgumentMatchers.anyString());
        assertThat(received).containsExactly(1 << 20);
        assertThat(refused).isEmpty();
    }

    private static UploadEvent event(String name, int size) {
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn(name);
        when(event.getInputStream()).thenReturn(new ByteArrayInputStream(new byte[size]));
        return event;
    }
}
