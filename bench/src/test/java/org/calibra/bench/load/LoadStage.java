package org.calibra.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of the ramp: {@code residents} simulated residents, each on a virtual thread, reading for {@code length}
 * against one address. A resident that finishes the module signs out and goes on as the next unused account, so the
 * number of residents reading stays the same for the whole stage. The stage stops by itself at its deadline; a resident's
 * read in progress then finishes (at most one per resident).
 */
final class LoadStage {

    /** What a stage measured. CPU shares are of the whole machine (all cores) over the stage. */
    record Result(String target, int residents, double seconds, int reads, int errors, String firstError, double p50, double p95,
                  double p99, double max, double imageMegabytesPerSecond, double generatorCpu, double nodesCpu, double machineCpu,
                  String loadAverage) {

        double readsPerSecond() {
            return reads / seconds;
        }

        boolean sustained(double p99LimitMs) {
            return reads > 0 && errors == 0 && p99 <= p99LimitMs;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %d | %.1f | %.0f %% | %.0f %% | %.0f %% | %s |",
                    target, residents, reads, readsPerSecond(), p50, p95, p99, max, errors, imageMegabytesPerSecond, generatorCpu * 100,
                    nodesCpu * 100, machineCpu * 100, loadAverage);
        }

        static final String HEADER = "| target | residents | reads | reads/s | submit p50 ms | p95 ms | p99 ms | max ms | errors | images MB/s "
                + "| generator CPU | app nodes CPU | machine CPU (all) | load average |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    private LoadStage() {
    }

    /**
     * @param journeys  how many accounts one resident goes through at most (each: sign in, read, sign out)
     * @param think     a person's pause before each action on the reading page
     */
    static Result run(String target, HttpClient http, URI base, long moduleId, Iterator<String> accounts, int residents, int readsPerModule,
                      int journeys, Duration think, Duration length, CpuMeter cpu) throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var imageBytes = new AtomicLong();
        var reads = new AtomicInteger();
        var errors = new AtomicInteger();
        var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
        SimulatedResident.Timings timings = new SimulatedResident.Timings() {
            @Override
            public void submitted(long nanos) {
                latencies.add(nanos);
                reads.incrementAndGet();
            }

            @Override
            public void imagesLoaded(long bytes, long nanos) {
                imageBytes.addAndGet(bytes);
            }
        };
        String loadBefore = CpuMeter.loadAverage();
        var before = cpu.sample();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < residents; r++) {
                threads.submit(() -> {
                    for (int journey = 0; journey < journeys && System.nanoTime() < deadline; journey++) {
                        String account;
                        synchronized (accounts) {
                            if (!accounts.hasNext()) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, "the bench ran out of resident accounts");
                                return;
                            }
                            account = accounts.next();
                        }
                        var browser = new FlowClient(http, base);
                        try {
                            new SimulatedResident(browser, account, moduleId, think, timings).read(readsPerModule, () -> System.nanoTime() < deadline);
                            browser.signOut();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, account + ": " + e);
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var shares = cpu.since(before);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(target, residents, seconds, reads.get(), errors.get(), firstError.get(), ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, imageBytes.get() / seconds / 1e6,
                shares.generator(), shares.nodes(), shares.machine(), loadBefore + " → " + CpuMeter.loadAverage());
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    /** The accounts resident-{from}… for a stage (created beforehand by the bench). */
    static Iterator<String> accounts(String prefix, int count) {
        var names = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return List.copyOf(names).iterator();
    }
}
