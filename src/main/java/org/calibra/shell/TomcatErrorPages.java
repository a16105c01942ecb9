package org.calibra.shell;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Requests Tomcat refuses before the application sees them — an encoded slash ({@code %2F}) or backslash in the path,
 * a broken escape, a NUL byte — and any other error no one wrote a page for, get the {@link PlainErrorPage} with the
 * hardening headers instead of Tomcat's own HTML without them. Tomcat renders such errors with the Host's error report
 * valve; this replaces Tomcat's (and the one Spring Boot adds for {@code server.error.include-stacktrace=never}) by
 * {@link PlainErrorReportValve}. It runs after Spring Boot's own customizer, so it is the only one.
 */
@Configuration
class TomcatErrorPages {

    @Bean
    Customizer plainTomcatErrorPages(PlainErrorPage page) {
        return new Customizer(page);
    }

    static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final PlainErrorPage page;

        Customizer(PlainErrorPage page) {
            this.page = page;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // the host adds a valve of this class at start unless it finds one: ours, not Tomcat's default
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(PlainErrorReportValve.class.getName());
                }
                host.getPipeline().addValve(new PlainErrorReportValve(page));
            });
        }

        /** After Spring Boot's customizer, whose context customizer adds an error report valve of its own. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's error report valve, writing Calibra's page. */
    static final class PlainErrorReportValve extends ErrorReportValve {

        private final PlainErrorPage page;

        PlainErrorReportValve(PlainErrorPage page) {
            this.page = page;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own: only errors, only if nothing was written yet, only once
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                String body = page.prepare(request, response, status, null, null);
                Writer writer = response.getReporter();
                if (writer != null && !"HEAD".equals(request.getMethod())) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot be written: nothing more to say
            }
        }
    }
}
