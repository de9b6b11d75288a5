package gov.onceonly.hub.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two hub instances on one database and one broker, as one system: channels reach them in turn, as behind a load
 * balancer, and their CPU is counted together.
 */
final class HubPair implements SystemUnderTest {

    private final List<SystemUnderTest> hubs;
    private final Meters meters;
    private final AtomicLong next = new AtomicLong();

    HubPair(SystemUnderTest first, SystemUnderTest second, Meters meters) {
        this.hubs = List.of(first, second);
        this.meters = meters;
    }

    @Override
    public String name() {
        return "hub ×2";
    }

    @Override
    public CompletableFuture<String> submit(String bundle) {
        return hubs.get((int) (next.getAndIncrement() % hubs.size())).submit(bundle);
    }

    @Override
    public Meters meters() {
        return meters;
    }
}
