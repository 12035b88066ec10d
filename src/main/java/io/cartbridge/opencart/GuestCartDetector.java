package io.cartbridge.opencart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Abandoned carts of guests. The email lives only in the session, once the guest typed it at
 * checkout ({@code guest.email} in 3.0, {@code customer.email} in 4.x). Each poll copies the
 * guest carts that have an email into the service's own table, because OpenCart deletes guest
 * lines early, and decides from those copies once they have been idle long enough.
 */
public final class GuestCartDetector implements Detector {

    /** What to do when a guest uses the email of a registered customer. */
    public enum CustomerEmailPolicy { SEND, SKIP }

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Session(String email, String firstName, String lastName, String telephone,
                           String currency) {
        static final Session NONE = new Session("", "", "", "", null);
    }

    private record GuestRow(String sessionId, String cartId, int storeId,
                            LocalDateTime firstAdded, LocalDateTime lastAdded, Session session) {
    }

    private record Customer(int id, boolean newsletter, boolean enabled) {
    }

    private final ShopQuery query;
    private final DetectionRules rules;
    private final GuestCartCopies copies;
    private final CustomerEmailPolicy policy;
    private final CartContents contents;

    public GuestCartDetector(ShopQuery query, DetectionRules rules, GuestCartCopies copies,
                             CustomerEmailPolicy policy) {
        this.query = query;
        this.rules = rules;
        this.copies = copies;
        this.policy = policy;
        this.contents = new CartContents(query);
    }

    @Override
    public EventKind kind() {
        return EventKind.CART;
    }

    @Override
    public Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor) {
        LocalDateTime idleBefore = now.minusMinutes(rules.idleMinutes());
        LocalDateTime notBefore = now.minusDays(rules.maxAgeDays());
        List<Skip> skips = new ArrayList<>();
        copyLiveCarts(shop, now, idleBefore, notBefore, skips);

        List<GuestCartCopies.Copy> due = copies.idle(idleBefore, notBefore);
        Map<String, Customer> customers = new HashMap<>();
        if (!due.isEmpty()) {
            // customer.email has no index in 3.0 and 4.0: never ask with an empty list.
            query.list("customers-by-email", Map.of("emails",
                    due.stream().map(GuestCartCopies.Copy::email).distinct().toList()),
                    row -> customers.put(SaleHistory.normal(row.getString("email")),
                            new Customer(row.getInt("customer_id"),
                                    row.getInt("newsletter") == 1,
                                    row.getInt("status") == 1)));
        }
        SaleHistory sales = SaleHistory.load(query, shop, List.of(),
                due.stream().map(GuestCartCopies.Copy::email).toList(),
                due.stream().map(GuestCartCopies.Copy::firstSeen).min(LocalDateTime::compareTo)
                        .orElse(now)
                        .minusMinutes(DetectionRules.ORDER_BEFORE_CART_TOLERANCE_MINUTES));

        List<ShopEvent> events = new ArrayList<>();
        List<Unbuilt> unbuilt = new ArrayList<>();
        for (GuestCartCopies.Copy copy : due) {
            String key = "cart:guest-" + copy.cartId() + ":" + copy.fingerprint();
            Customer customer = customers.get(SaleHistory.normal(copy.email()));
            SkipReason reason = null;
            if (customer != null && policy == CustomerEmailPolicy.SKIP) {
                reason = SkipReason.CUSTOMER_EMAIL;
            } else if (customer != null && !customer.enabled()) {
                reason = SkipReason.CUSTOMER_DISABLED;
            } else if (rules.requireConsent() && (customer == null || !customer.newsletter())) {
                reason = SkipReason.NO_CONSENT;
            } else if (sales.boughtSince(0, copy.email(), copy.firstSeen().minusMinutes(
                    DetectionRules.ORDER_BEFORE_CART_TOLERANCE_MINUTES), 0)) {
                reason = SkipReason.ALREADY_BOUGHT;
            } else if (copy.lines().isEmpty()) {
                reason = SkipReason.NO_PRODUCTS;
            }
            if (reason != null) {
                skips.add(new Skip(kind(), key, copy.email(), reason, 0));
                continue;
            }
            try {
                StoreInfo store = shop.store(copy.storeId());
                Contact contact = ContactReader.contact(customer == null ? 0 : customer.id(),
                        copy.email(), copy.telephone(), copy.firstName(), copy.lastName(),
                        customer != null && customer.newsletter(), store.phoneRegion());
                events.add(rules.cartEvent(key, contact, store,
                        copy.lastChange().atZone(shop.zone()),
                        currency(shop, store, copy.currency()), copy.lines(), 0));
            } catch (RuntimeException e) {
                unbuilt.add(Unbuilt.of(kind(), key, copy.email(), 0, e));
            }
        }
        copies.forget(notBefore);
        return new Detection(kind(), events, skips, unbuilt, cursor, false);
    }

    /**
     * Copies the guest carts that have an email. A cart without one is skipped once it is
     * idle, and found again if the guest types an email later.
     */
    private void copyLiveCarts(ShopSnapshot shop, LocalDateTime now, LocalDateTime idleBefore,
                               LocalDateTime notBefore, List<Skip> skips) {
        List<GuestRow> live = query.list("guest-carts", Map.of(), GuestCartDetector::guestRow);
        List<GuestRow> known = new ArrayList<>();
        for (GuestRow row : live) {
            if (!row.session().email().isBlank()) {
                known.add(row);
            } else if (row.lastAdded().isBefore(idleBefore)
                    && !row.lastAdded().isBefore(notBefore)) {
                skips.add(new Skip(kind(), "cart:guest-" + row.cartId(), null,
                        SkipReason.NO_CONTACT, 0));
            }
        }
        if (known.isEmpty()) {
            return;
        }
        Map<String, List<CartContents.Line>> stored = contents.load("cart-lines", Map.of(
                "session_ids", known.stream().map(GuestRow::sessionId).distinct().toList(),
                "customer_ids", List.of(),
                "language_id", shop.store(0).languageId(), "today", now.toLocalDate(),
                "customer_group_id", shop.store(0).guestGroup()),
                row -> cartId(row.getString("session_id"), row.getInt("cart_store")));
        Map<String, StoreInfo> stores = new HashMap<>();
        Map<String, Currency> currencies = new HashMap<>();
        for (GuestRow row : known) {
            StoreInfo store = shop.store(row.storeId());
            stores.put(row.cartId(), store);
            currencies.put(row.cartId(), currency(shop, store, row.session().currency()));
        }
        Map<String, List<ProductLine>> priced = contents.price(stored, stores, currencies,
                shop.store(0).languageId());
        for (GuestRow row : known) {
            Session session = row.session();
            copies.save(new GuestCartCopies.Copy(row.cartId(), row.storeId(), session.email(),
                    session.firstName(), session.lastName(), session.telephone(),
                    currencies.get(row.cartId()).code(),
                    CartContents.fingerprint(stored.getOrDefault(row.cartId(), List.of())),
                    priced.getOrDefault(row.cartId(), List.of()), row.firstAdded(),
                    row.lastAdded()));
        }
    }

    /** The shopper's currency from the session, or the store's when the shop has no such one. */
    private static Currency currency(ShopSnapshot shop, StoreInfo store, String code) {
        return code != null && shop.hasCurrency(code) ? shop.currency(code)
                : shop.currency(store.currency());
    }

    private static GuestRow guestRow(ResultSet row) throws SQLException {
        String sessionId = row.getString("session_id");
        int storeId = row.getInt("cart_store");
        return new GuestRow(sessionId, cartId(sessionId, storeId), storeId,
                row.getObject("first_added", LocalDateTime.class),
                row.getObject("last_added", LocalDateTime.class),
                session(row.getString("session_data")));
    }

    /**
     * The session's contact: 3.0 keeps the guest under {@code guest}, 4.x under
     * {@code customer}. Empty, invalid or missing data has no contact.
     */
    private static Session session(String data) {
        if (data == null || data.isBlank()) {
            return Session.NONE;
        }
        try {
            JsonNode json = JSON.readTree(data);
            JsonNode person = json.path("guest").isObject() ? json.path("guest")
                    : json.path("customer");
            String email = person.path("email").asText("").trim();
            if (email.isEmpty()) {
                return Session.NONE;
            }
            return new Session(email, person.path("firstname").asText(""),
                    person.path("lastname").asText(""), person.path("telephone").asText(""),
                    json.path("currency").isTextual() ? json.path("currency").asText() : null);
        } catch (Exception e) {
            return Session.NONE;
        }
    }

    /**
     * Identifies a guest cart without keeping the session id, which would let anyone who
     * reads the service's tables or logs take over the shopper's session.
     */
    private static String cartId(String sessionId, int storeId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8) + "-" + storeId;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
