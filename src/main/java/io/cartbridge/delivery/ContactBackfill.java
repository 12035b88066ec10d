package io.cartbridge.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cartbridge.opencart.Contact;
import io.cartbridge.opencart.ContactReader;
import io.cartbridge.opencart.ShopEvent;
import io.cartbridge.opencart.ShopQuery;
import io.cartbridge.opencart.ShopSnapshot;
import io.cartbridge.ops.Masking;
import io.cartbridge.sendpulse.SendPulseAuth;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports past customers who agreed to the newsletter into a SendPulse address book, with
 * their name, phone, number of orders, total spent and last order date. Contacts never go in
 * as events, which would start email flows. It works in pages of customers by id and keeps
 * its position, so an interrupted import resumes where it stopped.
 */
public final class ContactBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ContactBackfill.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Customer(long id, String email, String firstName, String lastName,
                            String phone, int storeId, LocalDateTime registered) {
    }

    private record Orders(int count, BigDecimal spent, LocalDateTime last, boolean inWindow) {
    }

    private final ShopQuery query;
    private final Supplier<ShopSnapshot> snapshots;
    private final CursorStore cursors;
    private final Supplier<ProducerTemplate> template;
    private final String addressBookId;
    private final int batchSize;
    private final Clock clock;
    private volatile String status = "No backfill has run since the service started";

    public ContactBackfill(ShopQuery query, Supplier<ShopSnapshot> snapshots, CursorStore cursors,
                           Supplier<ProducerTemplate> template, String addressBookId,
                           int batchSize, Clock clock) {
        this.query = query;
        this.snapshots = snapshots;
        this.cursors = cursors;
        this.template = template;
        this.addressBookId = addressBookId;
        this.batchSize = Math.max(1, Math.min(100, batchSize));
        this.clock = clock;
    }

    public String status() {
        return status;
    }

    /**
     * Imports, from where the last import stopped, the consenting customers who registered or
     * ordered between the given dates (both optional, inclusive). Returns what it did.
     */
    public synchronized String run(LocalDate from, LocalDate to) {
        if (addressBookId == null || addressBookId.isBlank()) {
            throw new IllegalStateException("Setting sendpulse.addressbook-id is required for the"
                    + " contact backfill");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalStateException("The backfill's first date " + from
                    + " is after its last date " + to);
        }
        // Each range resumes on its own: another range starts from the first customer.
        String cursor = "backfill:" + addressBookId + (from == null && to == null ? ""
                : ":" + (from == null ? "" : from) + ":" + (to == null ? "" : to));
        long after = Math.max(0, cursors.position(cursor));
        long total = query.list("backfill-count", Map.of("after", after),
                row -> row.getLong("total")).get(0);
        ShopSnapshot shop = snapshots.get();
        Instant started = clock.instant();
        long read = 0;
        long added = 0;
        while (true) {
            List<Customer> page = query.list("backfill-customers",
                    Map.of("after", after, "page", batchSize), row -> new Customer(
                            row.getLong("customer_id"), row.getString("email").trim(),
                            row.getString("firstname"), row.getString("lastname"),
                            row.getString("telephone"), row.getInt("store_id"),
                            row.getObject("date_added", LocalDateTime.class)));
            if (page.isEmpty()) {
                break;
            }
            Map<Long, Orders> orders = orders(page, shop, from, to);
            ArrayNode emails = JSON.createArrayNode();
            for (Customer customer : page) {
                Orders bought = orders.getOrDefault(customer.id(),
                        new Orders(0, BigDecimal.ZERO, null, false));
                if (!Contact.validEmail(customer.email())) {
                    LOG.info("Backfill: customer {} left out, invalid email {}", customer.id(),
                            Masking.email(customer.email()));
                } else if (inWindow(customer.registered(), from, to) || bought.inWindow()) {
                    emails.add(contact(customer, bought, shop));
                }
            }
            if (!emails.isEmpty()) {
                send(emails);
                added += emails.size();
            }
            after = page.get(page.size() - 1).id();
            cursors.save(cursor, after);
            read += page.size();
            status = progress(read, total, added, started);
            LOG.info("Backfill: {}", status);
        }
        status = "Backfill into address book " + addressBookId + " done: " + added
                + " contact(s) added, " + read + " customer(s) read"
                + (read == 0 && after > 0 ? " (this range was imported before)" : "");
        LOG.info(status);
        return status;
    }

    private Map<Long, Orders> orders(List<Customer> page, ShopSnapshot shop, LocalDate from,
                                     LocalDate to) {
        Map<Long, Orders> orders = new HashMap<>();
        query.list("backfill-orders", Map.of("customer_ids",
                page.stream().map(Customer::id).toList()), row -> {
                    if (!shop.store(row.getInt("store_id")).saleStatuses()
                            .contains(row.getInt("order_status_id"))) {
                        return null;
                    }
                    LocalDateTime at = row.getObject("date_added", LocalDateTime.class);
                    BigDecimal total = row.getBigDecimal("total");
                    orders.merge(row.getLong("customer_id"),
                            new Orders(1, total == null ? BigDecimal.ZERO : total, at,
                                    inWindow(at, from, to)),
                            (a, b) -> new Orders(a.count() + b.count(), a.spent().add(b.spent()),
                                    a.last() == null || (b.last() != null
                                            && b.last().isAfter(a.last())) ? b.last() : a.last(),
                                    a.inWindow() || b.inWindow()));
                    return null;
                });
        return orders;
    }

    private static ObjectNode contact(Customer customer, Orders bought, ShopSnapshot shop) {
        ObjectNode contact = JSON.createObjectNode();
        contact.put("email", customer.email());
        ObjectNode variables = contact.putObject("variables");
        String name = (ShopSnapshot.decode(nonNull(customer.firstName())) + " "
                + ShopSnapshot.decode(nonNull(customer.lastName()))).trim();
        if (!name.isEmpty()) {
            variables.put("name", name);
        }
        String phone = ContactReader.phone(customer.phone(),
                shop.store(customer.storeId()).phoneRegion());
        if (phone != null) {
            variables.put("phone", phone);
        }
        variables.put("orders", bought.count());
        variables.put("total_spent", bought.spent().setScale(2, RoundingMode.HALF_UP));
        if (bought.last() != null) {
            variables.put("last_order_date", bought.last().toLocalDate().toString());
        }
        return contact;
    }

    /**
     * The address-book contact of a buyer, sent after a purchase event when contacts are kept
     * up to date: name, phone and the last order's date and total.
     */
    public static byte[] purchaseContact(ShopEvent purchase) {
        ObjectNode contact = JSON.createObjectNode();
        contact.put("email", purchase.contact().email());
        ObjectNode variables = contact.putObject("variables");
        String name = (purchase.contact().firstName() + " " + purchase.contact().lastName())
                .trim();
        if (!name.isEmpty()) {
            variables.put("name", name);
        }
        if (purchase.contact().phone() != null) {
            variables.put("phone", purchase.contact().phone());
        }
        variables.put("last_order_date", purchase.occurredAt().toLocalDate().toString());
        variables.put("last_order_total", purchase.total());
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode().set("emails",
                    JSON.createArrayNode().add(contact)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the contact", e);
        }
    }

    private void send(ArrayNode emails) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(JSON.createObjectNode().set("emails", emails));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the contacts", e);
        }
        Exchange answer = template.get().send("direct:send-contacts", exchange -> {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE,
                    "application/json; charset=UTF-8");
            exchange.getMessage().setBody(body);
            exchange.setProperty(SendPulseAuth.PATH, "/addressbooks/" + addressBookId + "/emails");
        });
        if (answer.getException() != null) {
            throw new IllegalStateException("The backfill stopped; it resumes from here next"
                    + " time: " + answer.getException().getMessage(), answer.getException());
        }
    }

    private static boolean inWindow(LocalDateTime at, LocalDate from, LocalDate to) {
        if (at == null) {
            return from == null && to == null;
        }
        return (from == null || !at.toLocalDate().isBefore(from))
                && (to == null || !at.toLocalDate().isAfter(to));
    }

    private static String progress(long read, long total, long added, Instant started) {
        double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis()
                / 1000.0);
        double rate = read / seconds;
        long left = rate > 0 ? (long) ((total - read) / rate) : 0;
        return read + " of " + total + " customers read ("
                + (total == 0 ? 100 : read * 100 / total) + " %), " + added + " added, "
                + String.format("%.0f", rate) + "/s, about " + left + " s left";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
