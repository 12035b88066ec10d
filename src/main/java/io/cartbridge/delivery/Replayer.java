package io.cartbridge.delivery;

import io.cartbridge.opencart.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;

/**
 * Sends failed items again from the error store, through the same delivery route, with the
 * same key and the same body. An item that was already delivered is never sent twice.
 */
public final class Replayer {

    private final ErrorStore errors;
    private final DeliveryLedger ledger;
    private final Supplier<ProducerTemplate> template;
    private final Clock clock;
    private final boolean dryRun;

    /** With {@code dryRun}, says what it would send and sends nothing, as the polls do. */
    public Replayer(ErrorStore errors, DeliveryLedger ledger, Supplier<ProducerTemplate> template,
                    Clock clock, boolean dryRun) {
        this.dryRun = dryRun;
        this.errors = errors;
        this.ledger = ledger;
        this.template = template;
        this.clock = clock;
    }

    /** Replays one entry and says what became of it. */
    public String replay(long id) {
        Optional<ErrorEntry> found = errors.entry(id);
        if (found.isEmpty()) {
            return "No error entry " + id;
        }
        ErrorEntry entry = found.get();
        if (!ErrorEntry.FAILED.equals(entry.state())) {
            return "Entry " + id + " (" + entry.key() + ") is " + entry.state()
                    + "; nothing sent";
        }
        if (ErrorStore.UNBUILT.equals(entry.endpoint())) {
            return "Entry " + id + " (" + entry.key() + ") could not be built from the shop's"
                    + " data, so there is no request to send again: " + entry.errorMessage();
        }
        if (dryRun) {
            return "Dry run: entry " + id + " (" + entry.key() + ") would be sent again to "
                    + entry.endpoint() + "; nothing sent";
        }
        if (!ledger.claimFailed(entry.key())) {
            return "Entry " + id + " (" + entry.key() + ") is being sent or was delivered;"
                    + " nothing sent";
        }
        errors.startReplay(id);
        EventKind kind = EventKind.ofDetector(entry.kind());
        PollRun run = new PollRun(kind, clock.instant(), false);
        Delivery delivery = new Delivery(kind, entry.key(),
                entry.endpoint().replaceFirst("^POST ", ""),
                entry.requestBody().getBytes(StandardCharsets.UTF_8), null, 0, run, true, null);
        try {
            template.get().send("direct:send-event",
                    exchange -> exchange.setProperty(Deliveries.DELIVERY, delivery));
        } catch (RuntimeException e) {
            ledger.returnToFailed(entry.key());
            errors.abandonReplay(id);
            throw e;
        }
        if (run.sentCount() == 1) {
            return "Entry " + id + " (" + entry.key() + ") delivered";
        }
        return "Entry " + id + " (" + entry.key() + ") failed again and stays in the error"
                + " store: " + errors.entry(id).map(ErrorEntry::errorMessage).orElse("");
    }

    /**
     * The kinds that "cart", "checkout", "purchase" or "all" (any case) stands for; empty for
     * anything else.
     */
    public static List<String> kinds(String kind) {
        List<String> all = Arrays.stream(EventKind.values())
                .map(EventKind::keyPrefix).toList();
        String wanted = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return wanted.equals("all") ? all : all.contains(wanted) ? List.of(wanted) : List.of();
    }

    /** Replays every failed entry of one kind: cart, checkout or purchase. */
    public String replayAll(String kind) {
        EventKind eventKind = EventKind.ofDetector(kind);
        List<ErrorEntry> failed = errors.failed(eventKind.keyPrefix());
        if (dryRun) {
            return "Dry run: " + failed.size() + " " + eventKind.keyPrefix() + " entries would"
                    + " be sent again; nothing sent";
        }
        int delivered = 0;
        for (ErrorEntry entry : failed) {
            if (replay(entry.id()).endsWith(") delivered")) {
                delivered++;
            }
        }
        return "Replayed " + failed.size() + " " + eventKind.keyPrefix() + " entries: "
                + delivered + " delivered, " + (failed.size() - delivered) + " still failed";
    }
}
