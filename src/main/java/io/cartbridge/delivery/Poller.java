package io.cartbridge.delivery;

import io.cartbridge.opencart.Detection;
import io.cartbridge.opencart.Detector;
import io.cartbridge.opencart.EventKind;
import io.cartbridge.opencart.ShopEvent;
import io.cartbridge.opencart.ShopQuery.ShopQueryException;
import io.cartbridge.opencart.ShopSnapshot;
import io.cartbridge.opencart.Skip;
import io.cartbridge.opencart.SkipReason;
import io.cartbridge.opencart.Unbuilt;
import io.cartbridge.ops.Masking;
import io.cartbridge.sendpulse.EventPayload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one detector, as the detector routes call it: read the shop, leave out what the
 * ledger already holds, record the skips, and hand the rest to delivery with its body built.
 */
public final class Poller {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final List<String> RECOVERY = List.of(EventKind.CART.keyPrefix(),
            EventKind.CHECKOUT.keyPrefix());
    /** Detectors that resume from a saved position: purchases, checkouts and carts. */
    private static final Set<EventKind> CURSORS = Set.of(EventKind.PURCHASE, EventKind.CHECKOUT,
            EventKind.CART);

    private final Map<EventKind, Detector> detectors;
    private final Supplier<ShopSnapshot> snapshots;
    private final DeliveryLedger ledger;
    private final ErrorStore errors;
    private final CursorStore cursors;
    private final EventPayload payload;
    private final Map<EventKind, String> eventNames;
    private final RunHistory history;
    private final boolean dryRun;
    private final Duration cooldown;
    private final Recoveries recoveries;
    private final Function<ShopEvent, byte[]> contactUpdates;
    private final Clock clock;
    private final Map<EventKind, Long> dryRunCursors = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> dryRunRecovery = new ConcurrentHashMap<>();

    public Poller(Map<EventKind, Detector> detectors, Supplier<ShopSnapshot> snapshots,
                  DeliveryLedger ledger, ErrorStore errors, CursorStore cursors,
                  EventPayload payload,
                  Map<EventKind, String> eventNames, RunHistory history, boolean dryRun,
                  Duration cooldown, Recoveries recoveries,
                  Function<ShopEvent, byte[]> contactUpdates, Clock clock) {
        this.detectors = detectors;
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.errors = errors;
        this.cursors = cursors;
        this.payload = payload;
        this.eventNames = eventNames;
        this.history = history;
        this.dryRun = dryRun;
        this.cooldown = cooldown;
        this.recoveries = recoveries;
        this.contactUpdates = contactUpdates;
        this.clock = clock;
    }

    /** Runs the named detector once and returns what is to be delivered. */
    public PollBatch poll(String detectorName) {
        EventKind kind = EventKind.ofDetector(detectorName);
        PollRun run = new PollRun(kind, clock.instant(), dryRun);
        long cursor = cursor(kind);
        Detection detection;
        try {
            ShopSnapshot shop = snapshots.get();
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), shop.zone());
            detection = detectors.get(kind).detect(shop, now, cursor);
        } catch (ShopQueryException e) {
            // One line, not a stack trace per poll: the shop is down or its tables changed.
            String problem = e.getMessage();
            LOG.error("{}: the shop could not be read; nothing moves until a poll can: {}",
                    kind.detector(), problem);
            run.readFailed(problem);
            return new PollBatch(run, List.of(), -1, false);
        }
        if (cursor < 0 && kind == EventKind.PURCHASE) {
            LOG.info("{}: first start, first page read up to history id {}", kind.detector(),
                    detection.cursor());
        }

        // A dry run reads the ledger too, so that it leaves out what was sent before.
        Map<String, LedgerEntry> known = ledger.find(Stream.of(
                detection.events().stream().map(ShopEvent::key),
                detection.skips().stream().map(Skip::key),
                detection.unbuilt().stream().map(Unbuilt::key)).flatMap(keys -> keys).toList());
        for (Skip skip : detection.skips()) {
            LedgerEntry entry = known.get(skip.key());
            if (entry != null && (!LedgerEntry.SKIPPED.equals(entry.status())
                    || skip.reason().label().equals(entry.reason()))) {
                continue;
            }
            run.found(1);
            run.skipped(skip.reason().label());
            LOG.info("{}: skipped {} ({}): {}", kind.detector(), skip.key(),
                    Masking.email(skip.email()), skip.reason().label());
            if (!dryRun) {
                ledger.recordSkip(skip.key(), kind.keyPrefix(), skip.reason().label());
            }
        }

        List<ShopEvent> fresh = new ArrayList<>();
        Predicate<LedgerEntry> inForce = known.values().stream()
                .anyMatch(entry -> LedgerEntry.CLAIMED.equals(entry.status()))
                ? ledger.claimsInForce() : entry -> false;
        for (ShopEvent event : detection.events()) {
            LedgerEntry entry = known.get(event.key());
            if (open(entry, inForce)) {
                fresh.add(event);
            } else if (LedgerEntry.CLAIMED.equals(entry.status())) {
                run.found(1);
                run.claimedElsewhere(event.position());
            }
        }
        List<Unbuilt> unbuilt = new ArrayList<>();
        for (Unbuilt item : detection.unbuilt()) {
            if (open(known.get(item.key()), inForce)) {
                unbuilt.add(item);
            }
        }
        Set<String> cooling = coolingDown(kind, fresh);
        if (kind == EventKind.PURCHASE && !dryRun) {
            countRecoveries(fresh);
        }

        List<Delivery> deliveries = new ArrayList<>();
        String path = "/events/name/" + URLEncoder.encode(eventNames.get(kind),
                StandardCharsets.UTF_8).replace("+", "%20");
        for (ShopEvent event : fresh) {
            String contact = DeliveryLedger.contact(event.contact().email());
            LedgerEntry entry = known.get(event.key());
            if (RECOVERY.contains(kind.keyPrefix()) && !cooling.add(contact)) {
                if (entry == null || !SkipReason.COOL_DOWN.label().equals(entry.reason())) {
                    run.found(1);
                    run.skipped(SkipReason.COOL_DOWN.label());
                    LOG.info("{}: skipped {} ({}): {}", kind.detector(), event.key(),
                            Masking.email(event.contact().email()), SkipReason.COOL_DOWN.label());
                    if (!dryRun) {
                        ledger.recordSkip(event.key(), kind.keyPrefix(),
                                SkipReason.COOL_DOWN.label());
                    }
                }
                continue;
            }
            byte[] body;
            byte[] contactUpdate;
            try {
                body = payload.toBytes(event);
                contactUpdate = contactUpdates.apply(event);
            } catch (RuntimeException e) {
                unbuilt.add(Unbuilt.of(kind, event.key(), event.contact().email(),
                        event.position(), e));
                continue;
            }
            run.found(1);
            if (dryRun && RECOVERY.contains(kind.keyPrefix()) && contact != null) {
                dryRunRecovery.put(contact, clock.instant());
            }
            deliveries.add(new Delivery(kind, event.key(), path, body, event.contact().email(),
                    event.position(), run, false, contactUpdate));
        }
        keepUnbuilt(run, unbuilt);
        if (!dryRun && !deliveries.isEmpty()) {
            deliveries = claim(run, deliveries);
        }
        return new PollBatch(run, deliveries, detection.cursor(), detection.more());
    }

    /** Whether an item may be taken: not in the ledger, skipped, or claimed and left. */
    private static boolean open(LedgerEntry entry, Predicate<LedgerEntry> inForce) {
        return entry == null || LedgerEntry.SKIPPED.equals(entry.status())
                || (LedgerEntry.CLAIMED.equals(entry.status()) && !inForce.test(entry));
    }

    /**
     * Keeps the items whose event could not be built in the error store, as failed, so that
     * one bad row neither stops the poll nor goes unaccounted. An item the error store cannot
     * take stays open: the cursor is kept before it and the next poll reads it again.
     */
    private void keepUnbuilt(PollRun run, List<Unbuilt> unbuilt) {
        for (Unbuilt item : unbuilt) {
            run.found(1);
            if (dryRun) {
                run.failed();
                LOG.error("{}: {} ({}) cannot be built from the shop's data: {}",
                        run.kind().detector(), item.key(), Masking.email(item.email()),
                        item.problem());
                continue;
            }
            try {
                if (ledger.claimAll(List.of(new DeliveryLedger.Claim(item.key(),
                        item.kind().keyPrefix(), DeliveryLedger.contact(item.email()), null)))
                        .isEmpty()) {
                    run.claimedElsewhere(item.position());
                    continue;
                }
                errors.recordUnbuilt(item);
                run.failed();
                LOG.error("{}: {} ({}) cannot be built from the shop's data and is in the error"
                        + " store; the rest of the poll goes on: {}", run.kind().detector(),
                        item.key(), Masking.email(item.email()), item.problem());
            } catch (RuntimeException e) {
                LOG.error("{}: {} cannot be built from the shop's data ({}) and the error store"
                        + " could not keep it ({}); it stays open for the next poll",
                        run.kind().detector(), item.key(), item.problem(), e.getMessage());
                run.unrecorded(item.position());
            }
        }
    }

    /**
     * Claims the items in the ledger before any is sent, a few hundred per statement; what
     * another poll or instance holds is left to it. When the ledger cannot be reached nothing
     * is sent, and the cursor stays, so that the next poll finds the items again.
     */
    private List<Delivery> claim(PollRun run, List<Delivery> deliveries) {
        Set<String> claimed;
        try {
            claimed = ledger.claimAll(deliveries.stream().map(delivery ->
                    new DeliveryLedger.Claim(delivery.key(), delivery.kind().keyPrefix(),
                            DeliveryLedger.contact(delivery.email()), Deliveries.hash(delivery)))
                    .toList());
        } catch (RuntimeException e) {
            LOG.error("{}: {} item(s) not sent, the ledger is out of reach: {}",
                    run.kind().detector(), deliveries.size(), e.getMessage());
            deliveries.forEach(delivery -> run.unrecorded(delivery.position()));
            return List.of();
        }
        List<Delivery> mine = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (claimed.contains(delivery.key())) {
                mine.add(delivery);
            } else {
                run.claimedElsewhere(delivery.position());
            }
        }
        return mine;
    }

    /** Ends a poll once every delivery has ended: moves the cursor and records the run. */
    public void finish(PollBatch batch) {
        PollRun run = batch.getRun();
        if (batch.getCursor() >= 0 && CURSORS.contains(run.kind())) {
            long safe = run.safeCursor(batch.getCursor());
            if (safe == batch.getCursor()) {
                batch.moved();
            }
            if (dryRun) {
                dryRunCursors.put(run.kind(), safe);
            } else {
                cursors.save(run.kind().detector(), safe);
            }
        }
        history.record(run);
    }

    private void countRecoveries(List<ShopEvent> purchases) {
        try {
            int recovered = recoveries.record(purchases);
            if (recovered > 0) {
                LOG.info("purchases: {} sale(s) followed a cart or checkout event", recovered);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot count recovered sales: {}", e.getMessage());
        }
    }

    /**
     * The contacts that had a recovery event (cart or checkout) within the cool-down. The set
     * is filled further while the poll goes on, so one poll sends one person one event at most.
     */
    private Set<String> coolingDown(EventKind kind, List<ShopEvent> events) {
        if (!RECOVERY.contains(kind.keyPrefix()) || cooldown.isZero()) {
            return new HashSet<>();
        }
        if (dryRun) {
            // Nothing is in the ledger in a dry run; remember what it would have sent instead.
            java.time.Instant since = clock.instant().minus(cooldown);
            Set<String> cooling = new HashSet<>();
            dryRunRecovery.forEach((contact, at) -> {
                if (at.isAfter(since)) {
                    cooling.add(contact);
                }
            });
            return cooling;
        }
        List<String> contacts = events.stream()
                .map(event -> DeliveryLedger.contact(event.contact().email()))
                .filter(Objects::nonNull).distinct().toList();
        // An item's own claim, left by an instance that died before the answer, is no event
        // that was sent: it must not hold the item itself back.
        Set<String> keys = new HashSet<>(events.stream().map(ShopEvent::key).toList());
        Set<String> cooling = new HashSet<>();
        ledger.sentSince(RECOVERY, contacts, clock.instant().minus(cooldown)).stream()
                .filter(sent -> !keys.contains(sent.key()))
                .forEach(sent -> cooling.add(sent.contact()));
        return cooling;
    }

    private long cursor(EventKind kind) {
        if (!CURSORS.contains(kind)) {
            return 0;
        }
        Long held = dryRun ? dryRunCursors.get(kind) : null;
        return held != null ? held : cursors.position(kind.detector());
    }
}
