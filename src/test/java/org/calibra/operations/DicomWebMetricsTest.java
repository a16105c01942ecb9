package org.calibra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DicomWebMetricsTest {

    private static final String INSTANCE = "/dicomweb/cases/7/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5";

    @Test
    void requests_are_told_apart_by_kind_never_by_their_ids() {
        assertThat(DicomWebMetrics.kindOf(INSTANCE + "/frames/1,2")).isEqualTo("frames");
        assertThat(DicomWebMetrics.kindOf(INSTANCE + "/metadata")).isEqualTo("metadata");
        assertThat(DicomWebMetrics.kindOf("/dicomweb/studies")).isEqualTo("search");
        assertThat(DicomWebMetrics.kindOf("/dicomweb/cases/7/studies/1.2.3/series")).isEqualTo("search");
        assertThat(DicomWebMetrics.kindOf(INSTANCE)).isEqualTo("retrieve");
        assertThat(DicomWebMetrics.outcomeOf(200)).isEqualTo("success");
        assertThat(DicomWebMetrics.outcomeOf(304)).isEqualTo("not_modified");
        assertThat(DicomWebMetrics.outcomeOf(406)).isEqualTo("client_error");
        assertThat(DicomWebMetrics.outcomeOf(502)).isEqualTo("server_error");
    }

    @Test
    void the_bytes_written_through_the_stream_or_the_writer_are_counted_with_the_request() throws Exception {
        var registry = new SimpleMeterRegistry();
        var filter = new DicomWebMetrics(registry);
        filter.doFilter(new MockHttpServletRequest("GET", INSTANCE + "/frames/1"), new MockHttpServletResponse(),
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                            throws java.io.IOException {
                        res.getOutputStream().write(new byte[1000], 0, 1000);
                        res.getOutputStream().write(7);
                    }
                }));
        var search = new MockHttpServletResponse();
        search.setCharacterEncoding("UTF-8");
        filter.doFilter(new MockHttpServletRequest("GET", "/dicomweb/studies"), search, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                res.setStatus(200);
                res.getWriter().write("[\"é\"]"); // 6 bytes in UTF-8
            }
        }));
        assertThat(registry.get("calibra.dicomweb.served").tags("kind", "frames", "outcome", "success").summary().totalAmount()).isEqualTo(1001);
        assertThat(registry.get("calibra.dicomweb.served").tags("kind", "search").summary().totalAmount()).isEqualTo(6);
        assertThat(search.getContentAsString()).isEqualTo("[\"é\"]");
        assertThat(registry.get("calibra.dicomweb.requests").tags("kind", "frames").timer().count()).isEqualTo(1);
    }
}
