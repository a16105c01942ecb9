package org.calibra.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.calibra.CalibraApplication;
import org.calibra.reading.ReadRejectedException;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.shared.web.DatabaseOutage;
import org.calibra.support.NodeProcess;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application node in its own JVM ({@link NodeProcess}) that keeps serving until it reads "stop" on its input. It says
 * {@code started <port> <management port>} once up. "readers N" starts N simulated residents, each reading the demo
 * module's cases through the service API as fast as the node takes them (a new resident when one has finished), and
 * saying how every submission went: {@code read stored <read id> <marks>} or {@code read refused <why>} ("database" when
 * the database could not be reached). "readers stop" stops them and says "readers stopped".
 */
public final class ReadingNode {

    /** How long a resident waits after a refused submission before trying again: a client's back-off, not a timing. */
    private static final long BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private ReadingNode() {
    }

    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(CalibraApplication.class).run(args);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
            return;
        }
        var env = context.getEnvironment();
        say("started " + env.getProperty("local.server.port") + " " + env.getProperty("local.management.port"));
        List<Thread> readers = new ArrayList<>();
        var running = new java.util.concurrent.atomic.AtomicBoolean();
        try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null && !line.equals("stop"); ) {
                if (line.equals("readers stop")) {
                    running.set(false);
                    for (Thread t : readers) {
                        t.join();
                    }
                    say("readers stopped");
                } else if (line.startsWith("readers ")) {
                    running.set(true);
                    for (int i = 0; i < Integer.parseInt(line.substring("readers ".length())); i++) {
                        String prefix = "outage-reader-" + i;
                        readers.add(Thread.ofPlatform().name(prefix).start(() -> read(context, prefix, running)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
        System.exit(0);
    }

    /** One resident after another reads every case of the demo module correctly, until told to stop. */
    private static void read(ConfigurableApplicationContext context, String prefix, java.util.concurrent.atomic.AtomicBoolean running) {
        int residents = 0;
        ReadingScenario scenario = null;
        while (running.get()) {
            try {
                if (scenario == null) {
                    String user = prefix + "-" + residents;
                    TestAccounts.create(context, user, Role.RESIDENT);
                    SignedIn.as(user, "RESIDENT");
                    scenario = new ReadingScenario(context);
                    residents++;
                }
                var next = scenario.cases().stream().filter(e -> !e.isRead()).findFirst();
                if (next.isEmpty()) {
                    scenario = null;
                    continue;
                }
                var read = scenario.readCorrectly(next.get());
                say("read stored " + read.readId() + " " + read.marks().size());
            } catch (ReadRejectedException e) {
                scenario = null; // the module is passed and the attempt over: the next resident
            } catch (RuntimeException e) {
                say("read refused " + (DatabaseOutage.causedBy(e) ? "database" : e.getClass().getName() + ": " + e.getMessage()));
                LockSupport.parkNanos(BACK_OFF_NANOS);
            }
        }
        SignedIn.clear();
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
