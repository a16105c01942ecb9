package org.calibra.support;

import org.calibra.CalibraApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One application node in a second JVM ({@link NodeProcess}): starts the whole application with the given arguments
 * (web server and start-up runners included, such as the content load; pass {@code --server.port=0}), says "started",
 * and stops. Exit status 0 when the start
 * succeeded, 1 when it failed (the cause is in its output).
 */
public final class AppNode {

    private AppNode() {
    }

    public static void main(String[] args) {
        try (var context = new SpringApplicationBuilder(CalibraApplication.class).run(args)) {
            System.out.println("started");
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }
}
