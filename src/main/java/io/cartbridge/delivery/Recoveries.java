package io.cartbridge.delivery;

import io.cartbridge.opencart.EventKind;
import io.cartbridge.opencart.ShopEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sales that recovery mail brought back: a purchase counts as recovered when the same person
 * was sent a cart or checkout event within the recovery window before it. The latest such
 * event gets the credit; each purchase counts once.
 */
public final class Recoveries {

    /** Recovered sales of one kind in one store, with their revenue in its default currency. */
    public record Figure(String kind, int storeId, long sales, BigDecimal revenue,
                         String currency) {

        @Override
        public String toString() {
            return kind + " events, store " + storeId + ": " + sales + " recovered, "
                    + revenue.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " "
                    + currency;
        }
    }

    /** Told of each newly recovered sale. */
    public interface Listener {
        void recovered(String kind, int storeId, BigDecimal revenue);
    }

    private static final List<String> RECOVERY = List.of(EventKind.CART.keyPrefix(),
            EventKind.CHECKOUT.keyPrefix());

    private final DataSource dataSource;
    private final DeliveryLedger ledger;
    private final Duration window;
    private final Listener listener;

    public Recoveries(DataSource dataSource, DeliveryLedger ledger, Duration window,
                      Listener listener) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.window = window;
        this.listener = listener;
    }

    /** Records the purchases among the given ones that follow a recovery event. */
    public int record(List<ShopEvent> purchases) {
        if (purchases.isEmpty()) {
            return 0;
        }
        List<String> contacts = purchases.stream()
                .map(purchase -> DeliveryLedger.contact(purchase.contact().email()))
                .filter(Objects::nonNull).distinct().toList();
        Instant earliest = purchases.stream().map(purchase -> purchase.occurredAt().toInstant())
                .min(Comparator.naturalOrder()).orElseThrow();
        List<DeliveryLedger.SentEvent> sent = ledger.sentSince(RECOVERY, contacts,
                earliest.minus(window));
        int recorded = 0;
        for (ShopEvent purchase : purchases) {
            String contact = DeliveryLedger.contact(purchase.contact().email());
            Instant sale = purchase.occurredAt().toInstant();
            Optional<DeliveryLedger.SentEvent> credited = sent.stream()
                    .filter(event -> event.contact().equals(contact))
                    // The shop keeps whole seconds: an event sent within the second of the sale
                    // came before it.
                    .filter(event -> !event.at().truncatedTo(ChronoUnit.SECONDS).isAfter(sale)
                            && !event.at().isBefore(sale.minus(window)))
                    .max(Comparator.comparing(DeliveryLedger.SentEvent::at));
            if (credited.isPresent() && insert(purchase, credited.get().kind())) {
                recorded++;
                listener.recovered(credited.get().kind(), purchase.store().storeId(),
                        purchase.revenue());
            }
        }
        return recorded;
    }

    /** Recovered sales since a moment, by kind and store. */
    public List<Figure> figures(Instant since) {
        List<Figure> figures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT kind, store_id, currency, COUNT(*), SUM(revenue)"
                             + " FROM sync_recovery WHERE sold_at >= ?"
                             + " GROUP BY kind, store_id, currency ORDER BY kind, store_id")) {
            query.setObject(1, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    figures.add(new Figure(row.getString(1), row.getInt(2), row.getLong(4),
                            row.getBigDecimal(5), row.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read recoveries: " + e.getMessage(), e);
        }
        return figures;
    }

    private boolean insert(ShopEvent purchase, String kind) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT IGNORE INTO sync_recovery (purchase_key, kind, store_id, revenue,"
                             + " currency, sold_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, purchase.key());
            insert.setString(2, kind);
            insert.setInt(3, purchase.store().storeId());
            insert.setBigDecimal(4, purchase.revenue() == null ? BigDecimal.ZERO
                    : purchase.revenue());
            insert.setString(5, purchase.store().currency());
            insert.setObject(6, LocalDateTime.ofInstant(purchase.occurredAt().toInstant(),
                    ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a recovery: " + e.getMessage(), e);
        }
    }
}
