package gov.onceonly.hub.pipeline;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline's Kafka consumer, one per hub instance: it reads the applications and deliveries topics as one
 * consumer group and hands each record to a worker, so that many applications are worked on at once, each waiting
 * on its own departments, while a single thread polls. A partition's offset is committed up to the first record that
 * is not done ({@link PartitionProgress}), so a committed offset still means "its effects are in PostgreSQL" and a
 * crash re-reads, never skips. A handler that fails (an outage: the database is away) is tried again after a backoff
 * while its partition waits. Past {@code maxInFlight} records the partitions are paused until workers catch up.
 */
public final class PipelineConsumer implements AutoCloseable {

    /** Works on one record; returns once its effects are in PostgreSQL, throws if it must be tried again. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    private record Done(TopicPartition partition, long offset) {
    }

    private static final Logger log = LoggerFactory.getLogger(PipelineConsumer.class);
    /** An idle consumer loops this often; the broker answers a fetch at once when a record arrives. */
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration PAUSED_POLL = Duration.ofMillis(20);

    private final Consumer<String, byte[]> consumer;
    private final Map<String, RecordHandler> handlers;
    private final Executor workers;
    private final int maxInFlight;
    private final Backoff retry;
    private final Duration drainTimeout;
    /** Consumer thread only. */
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    /** Partitions this instance owns; a worker retrying a record of a partition it lost gives up. */
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
    private final Queue<Done> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private final ThreadFactory pollingThread;
    private Thread thread;

    public PipelineConsumer(Consumer<String, byte[]> consumer, Map<String, RecordHandler> handlers, Executor workers,
                            int maxInFlight, Backoff retry, Duration drainTimeout, ThreadFactory pollingThread) {
        this.consumer = consumer;
        this.pollingThread = pollingThread;
        this.handlers = Map.copyOf(handlers);
        this.workers = workers;
        this.maxInFlight = maxInFlight;
        this.retry = retry;
        this.drainTimeout = drainTimeout;
    }

    public synchronized PipelineConsumer start() {
        running = true;
        thread = pollingThread.newThread(this::loop);
        thread.start();
        return this;
    }

    /** Records handed to workers and not done yet. */
    public int inFlight() {
        return inFlight.get();
    }

    private void loop() {
        try {
            consumer.subscribe(handlers.keySet(), new Rebalance());
            while (running) {
                try {
                    settle();
                    boolean full = inFlight.get() >= maxInFlight;
                    if (full) {
                        consumer.pause(consumer.assignment());
                    } else if (!consumer.paused().isEmpty()) {
                        consumer.resume(consumer.paused());
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(full ? PAUSED_POLL : IDLE_POLL);
                    records.forEach(this::dispatch);
                } catch (WakeupException closing) {
                    // close() woke the poll up
                } catch (RuntimeException e) {
                    log.warn("The pipeline consumer failed to poll, trying again: {}", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
            drain(owned);
        } finally {
            // Offsets are committed by now; close only leaves the group. A group still rebalancing (a hub restarted
            // within the session timeout of its killed self) holds that request, and a stop must not wait for it.
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        progress.computeIfAbsent(partition, p -> new PartitionProgress()).started(record.offset());
        inFlight.incrementAndGet();
        try {
            workers.execute(() -> work(partition, record));
        } catch (RejectedExecutionException shuttingDown) {
            inFlight.decrementAndGet(); // never done: read again by whoever owns the partition next
        }
    }

    private void work(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        try {
            RecordHandler handler = handlers.get(record.topic());
            for (int attempt = 1; ; attempt++) {
                try {
                    handler.handle(record);
                    finished.add(new Done(partition, record.offset()));
                    return;
                } catch (Exception e) {
                    if (!running || !owned.contains(partition)) {
                        return; // not done: read again after the restart, or by the partition's new owner
                    }
                    Duration wait = retry.after(attempt);
                    log.warn("{}-{}@{} failed (attempt {}), trying again in {} ms: {}", record.topic(), record.partition(),
                            record.offset(), attempt, wait.toMillis(), e.toString());
                    if (!pause(wait)) {
                        return;
                    }
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Marks what workers finished and commits each partition as far as it is done. */
    private void settle() {
        markFinished();
        Map<TopicPartition, OffsetAndMetadata> offsets = toCommit(progress.keySet());
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error == null) {
                    committed.forEach((partition, offset) -> {
                        PartitionProgress p = progress.get(partition);
                        if (p != null) {
                            p.committed(offset.offset());
                        }
                    });
                }
            });
        }
    }

    private void markFinished() {
        for (Done done; (done = finished.poll()) != null; ) {
            PartitionProgress p = progress.get(done.partition());
            if (p != null) {
                p.done(done.offset());
            }
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress p = progress.get(partition);
            if (p != null) {
                p.toCommit().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
            }
        }
        return offsets;
    }

    /**
     * Waits (up to the drain timeout) for the workers on these partitions, then commits them synchronously: on a
     * rebalance, before another instance takes them over; on close, before the consumer leaves. A worker that gave up
     * (the hub is stopping) leaves its record undone, to be read again.
     */
    private void drain(Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline
                && partitions.stream().map(progress::get).anyMatch(p -> p != null && p.inFlight() > 0)) {
            pause(Duration.ofMillis(10));
            markFinished();
        }
        markFinished();
        Map<TopicPartition, OffsetAndMetadata> offsets = toCommit(partitions);
        for (int attempt = 1; !offsets.isEmpty() && attempt <= 2; attempt++) {
            try {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
                return;
            } catch (WakeupException closing) {
                // close() woke a poll that had already returned; the commit still has to happen
            } catch (RuntimeException e) {
                log.warn("Could not commit {} on leaving them; they are read again: {}", offsets.keySet(), e.toString());
                return;
            }
        }
    }

    /** Sleeps; false if interrupted (the hub is stopping). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drain(partitions);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
            partitions.forEach(progress::remove);
        }
    }

    /** Stops polling, gives the workers the drain timeout to finish, commits what they did and leaves the group. */
    @Override
    public void close() throws InterruptedException {
        Thread running;
        synchronized (this) {
            this.running = false;
            running = thread;
        }
        if (running != null) {
            consumer.wakeup();
            running.join(drainTimeout.toMillis() + 10_000);
        }
    }
}
