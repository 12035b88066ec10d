package io.cartbridge.ops;

import io.cartbridge.delivery.PollRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The service's figures for Prometheus: items found, sent, skipped (by reason) and failed per
 * kind, delivery latency, the error store's size, the last successful poll of each detector,
 * and the time spent waiting for the account's rate limit.
 */
public final class SyncMetrics {

    private final Supplier<MeterRegistry> lookup;
    private final AtomicLong errorStoreSize = new AtomicLong();
    private final Map<String, AtomicLong> lastPoll = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /**
     * @param lookup finds the registry that the management port publishes; it is asked on
     *     first use, once Camel has set metrics up
     */
    public SyncMetrics(Supplier<MeterRegistry> lookup) {
        this.lookup = lookup;
    }

    private MeterRegistry registry() {
        MeterRegistry found = registry;
        if (found == null) {
            synchronized (this) {
                if (registry == null) {
                    registry = lookup.get();
                    registry.gauge("cartbridge_error_store_size", errorStoreSize);
                }
                found = registry;
            }
        }
        return found;
    }

    /** Adds one poll's figures and notes its end as the detector's last successful poll. */
    public void poll(PollRun run) {
        String kind = run.kind().keyPrefix();
        count("cartbridge_items_found", kind, run.foundCount());
        count("cartbridge_items_sent", kind, run.sentCount());
        count("cartbridge_items_failed", kind, run.failedCount());
        run.skippedByReason().forEach((reason, count) -> Counter
                .builder("cartbridge_items_skipped").tag("kind", kind).tag("reason", reason)
                .register(registry()).increment(count));
        if (run.readError() != null) {
            return;
        }
        lastPoll.computeIfAbsent(run.kind().detector(), detector -> registry().gauge(
                "cartbridge_last_successful_poll_seconds",
                io.micrometer.core.instrument.Tags.of("detector", detector), new AtomicLong()))
                .set(System.currentTimeMillis() / 1000);
    }

    /** An item of the error store that a replay delivered. */
    public void replayed(String kind) {
        count("cartbridge_items_sent", kind, 1);
    }

    /** Time from detection to SendPulse's acceptance of one item. */
    public void delivered(String kind, Duration latency) {
        Timer.builder("cartbridge_delivery_latency").tag("kind", kind)
                .publishPercentileHistogram().register(registry()).record(latency);
    }

    /** A sale that followed a cart or checkout event. */
    public void recovered(String kind, int storeId, java.math.BigDecimal revenue) {
        Counter.builder("cartbridge_recovered_sales").tag("kind", kind)
                .tag("store", String.valueOf(storeId)).register(registry()).increment();
        Counter.builder("cartbridge_recovered_revenue").tag("kind", kind)
                .tag("store", String.valueOf(storeId))
                .description("Revenue of recovered sales, in the store's default currency")
                .register(registry()).increment(revenue == null ? 0 : revenue.doubleValue());
    }

    public void rateLimitWait(long nanos) {
        Counter.builder("cartbridge_rate_limit_wait_seconds")
                .description("Time senders waited for the account's rate limit")
                .register(registry()).increment(nanos / 1e9);
    }

    public void errorStoreSize(long size) {
        registry();
        errorStoreSize.set(size);
    }

    private void count(String name, String kind, int amount) {
        Counter.builder(name).tag("kind", kind).register(registry()).increment(amount);
    }
}
