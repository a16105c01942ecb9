package org.calibra.operations;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Vaadin sessions open on this node: each holds a user's UI state in memory, so it is what sizes a node. */
@Component
class VaadinSessionMetrics implements VaadinServiceInitListener {

    private final AtomicInteger active = new AtomicInteger();

    VaadinSessionMetrics(MeterRegistry registry) {
        Gauge.builder("calibra.vaadin.sessions.active", active, AtomicInteger::get)
                .description("Vaadin sessions open on this node (a browser that opened a page, until its HTTP session ends)")
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> active.incrementAndGet());
        event.getSource().addSessionDestroyListener(e -> active.decrementAndGet());
    }
}
