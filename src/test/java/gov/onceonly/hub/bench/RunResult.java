package gov.onceonly.hub.bench;

/**
 * What one measured run of one system gave. Rates are per second of the measured window; "per application"
 * figures divide by the applications completed in it. NaN where a figure does not apply (the status quo has no
 * intake, no database of its own, no Kafka).
 *
 * @param system          hub, hand-written or status-quo
 * @param scenario        what was varied, e.g. "headline" or "items=8"
 * @param mode            open (fixed arrival rate) or closed (fixed concurrency)
 * @param load            the arrival rate (open) or the number of applications in flight (closed)
 * @param jitCpuSecondsPerApplication the part of the CPU that the JIT compilers' threads took: what makes a hub
 *                                    that has just started cost more per application than one that has run a while
 * @param sourceCalls     department source calls per completed application
 */
public record RunResult(String system, String scenario, String mode, double load, double seconds,
                        long submitted, long accepted, long completed, long errors,
                        double acceptedPerSecond, double completedPerSecond,
                        LatencySummary intake, LatencySummary completion,
                        double cpuSecondsPerApplication, double jitCpuSecondsPerApplication, long peakHeapBytes,
                        double rowsPerApplication,
                        double kafkaMessagesPerApplication, double sourceCalls) {
}
