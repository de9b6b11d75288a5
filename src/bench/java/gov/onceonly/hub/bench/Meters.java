package gov.onceonly.hub.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The cost side of a system under test: its JVM's CPU, its heap (sampled every 250 ms while a run lasts, the
 * peak kept), the rows it wrote to PostgreSQL and the Kafka messages it produced (-1: none to count).
 */
final class Meters {

    record Snapshot(double cpuSeconds, double jitCpuSeconds, long rows, long kafkaMessages) {
    }

    private final List<JvmProcess> jvms;
    private final LongSupplier heapUsed;
    private final BenchDatabase db;
    private final String database;
    private final LongSupplier kafkaMessages;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong peak = new AtomicLong();
    private ScheduledFuture<?> sampling;

    Meters(JvmProcess jvm, LongSupplier heapUsed, BenchDatabase db, String database, LongSupplier kafkaMessages) {
        this(List.of(jvm), heapUsed, db, database, kafkaMessages);
    }

    /** Several JVMs as one system (hubs sharing the work): their CPU summed, {@code heapUsed} their heaps together. */
    Meters(List<JvmProcess> jvms, LongSupplier heapUsed, BenchDatabase db, String database, LongSupplier kafkaMessages) {
        this.jvms = List.copyOf(jvms);
        this.heapUsed = heapUsed;
        this.db = db;
        this.database = database;
        this.kafkaMessages = kafkaMessages;
    }

    Snapshot snapshot() {
        try {
            return new Snapshot(jvms.stream().mapToDouble(JvmProcess::cpuSeconds).sum(),
                    jvms.stream().mapToDouble(JvmProcess::jitCpuSeconds).sum(), db.rowsWritten(database),
                    kafkaMessages == null ? -1 : kafkaMessages.getAsLong());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_user_tables of " + database, e);
        }
    }

    void startHeapSampling() {
        peak.set(0);
        sampling = sampler.scheduleAtFixedRate(() -> {
            try {
                peak.accumulateAndGet(heapUsed.getAsLong(), Math::max);
            } catch (RuntimeException ignored) {
                // a sample lost under load is no reason to stop sampling
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    long stopHeapSampling() {
        if (sampling != null) {
            sampling.cancel(false);
        }
        return peak.get();
    }

    long heapNow() {
        return heapUsed.getAsLong();
    }

    /** The first (or only) JVM of the system. */
    JvmProcess jvm() {
        return jvms.get(0);
    }
}
