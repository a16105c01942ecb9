package org.calibra.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the machine's CPU went during a stage, from Linux's /proc: the load generator (this JVM), the app nodes (their
 * processes, HAProxy included when given) and the whole machine (which on a shared machine includes other people's work).
 * Each share is of all cores together: 0.5 on two cores is one core's worth.
 */
final class CpuMeter {

    record Sample(long machineBusy, long machineTotal, long generator, long nodes) {}

    record Shares(double generator, double nodes, double machine) {}

    private final Supplier<List<Long>> nodePids;

    CpuMeter(Supplier<List<Long>> nodePids) {
        this.nodePids = nodePids;
    }

    Sample sample() {
        long[] machine = machine();
        long nodes = 0;
        for (long pid : nodePids.get()) {
            nodes += processTicks(pid);
        }
        return new Sample(machine[0], machine[1], processTicks(ProcessHandle.current().pid()), nodes);
    }

    Shares since(Sample before) {
        Sample now = sample();
        double total = Math.max(1, now.machineTotal - before.machineTotal); // jiffies of all cores together
        return new Shares((now.generator - before.generator) / total, (now.nodes - before.nodes) / total,
                (now.machineBusy - before.machineBusy) / total);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Busy and total jiffies of all cores (the first line of /proc/stat); zeros where /proc is missing. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** User + system jiffies of one process (its threads included); 0 when it has gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after the command name, which may hold spaces
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15 of the whole line)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
