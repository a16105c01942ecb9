package org.calibra.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.calibra.reading.ReadSubmitted;
import org.calibra.scoring.ReadScored;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads submitted, and how long scoring takes: from {@link ReadSubmitted} being published to {@link ReadScored} for
 * the same read — measured from the events alone, so scoring needs to know nothing of metrics.
 */
@Component
class ReadMetrics {

    /** Reads whose scoring never finished (a failure rolled them back) are forgotten once this many are pending. */
    private static final int MAX_PENDING = 10_000;

    private final MeterRegistry registry;
    private final Timer scoring;
    private final Map<Long, Long> scoringStarted = new ConcurrentHashMap<>();

    ReadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.scoring = Timer.builder("calibra.reads.scoring")
                .description("Time from a read being submitted to its score being stored (matching, metrics, feedback)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        // both phases from the start, so a dashboard shows 0 rather than nothing
        submitted("initial");
        submitted("final");
    }

    /** First of all listeners, so the clock starts before scoring does. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void scoringStarts(ReadSubmitted event) {
        if (scoringStarted.size() >= MAX_PENDING) {
            scoringStarted.clear();
        }
        scoringStarted.put(event.read().readId(), System.nanoTime());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void scoringEnds(ReadScored event) {
        Long started = scoringStarted.remove(event.readId());
        if (started != null) {
            scoring.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Counted once the read is committed: a submission that rolled back was never a read. */
    @TransactionalEventListener(fallbackExecution = true)
    void countSubmitted(ReadSubmitted event) {
        submitted(event.read().phase().name().toLowerCase(Locale.ROOT)).increment();
    }

    private Counter submitted(String phase) {
        return Counter.builder("calibra.reads.submitted")
                .description("Reads submitted and stored, by phase: final (the read that is scored for the module), or initial"
                        + " (a second-reader module's unaided read before the AI is shown)")
                .tag("phase", phase)
                .register(registry);
    }
}
