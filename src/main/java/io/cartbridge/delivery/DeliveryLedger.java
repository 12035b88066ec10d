package io.cartbridge.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The service's record of every detected item, keyed by its business key. A claim is an
 * insert into the primary key, so only one poll or instance ever sends an item. A claim may be
 * taken again once the instance that holds it has stopped checking in (it was killed between
 * claim and answer), or once it is older than the lease.
 */
public final class DeliveryLedger {

    private static final int LOOKUP_BATCH = 500;

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;
    private final Instances instances;
    /** The claim tokens this process wrote within the lease, and when. */
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    public DeliveryLedger(DataSource dataSource, Clock clock, Duration lease,
                          Instances instances) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lease = lease;
        this.instances = instances;
    }

    /** The entries of the given keys that the ledger holds. */
    public Map<String, LedgerEntry> find(Collection<String> keys) {
        Map<String, LedgerEntry> entries = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH));
            String sql = "SELECT item_key, status, reason, claimed_at, claimed_by FROM sync_ledger"
                    + " WHERE item_key IN ("
                    + String.join(",", Collections.nCopies(batch.size(), "?")) + ")";
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < batch.size(); i++) {
                    statement.setString(i + 1, batch.get(i));
                }
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        LocalDateTime claimed = row.getObject("claimed_at", LocalDateTime.class);
                        entries.put(row.getString("item_key"), new LedgerEntry(
                                row.getString("item_key"), row.getString("status"),
                                row.getString("reason"),
                                claimed == null ? null : claimed.toInstant(ZoneOffset.UTC),
                                row.getString("claimed_by")));
                    }
                }
            } catch (SQLException e) {
                throw new LedgerException("Cannot read the ledger: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** Which of the given keys were sent or failed: nothing is left to decide for them. */
    public Set<String> settled(Collection<String> keys) {
        Set<String> settled = new HashSet<>();
        find(keys).forEach((key, entry) -> {
            if (LedgerEntry.SENT.equals(entry.status())
                    || LedgerEntry.FAILED.equals(entry.status())) {
                settled.add(key);
            }
        });
        return settled;
    }

    /** A recovery event that was sent (or is being sent) to a contact. */
    public record SentEvent(String key, String contact, String kind, Instant at) {
    }

    /**
     * The events of the given kinds sent (or being sent) to any of the given contacts since a
     * moment.
     */
    public List<SentEvent> sentSince(Collection<String> kinds, Collection<String> contacts,
                                     Instant since) {
        List<SentEvent> sent = new ArrayList<>();
        if (contacts.isEmpty()) {
            return sent;
        }
        String sql = "SELECT item_key, contact, kind, updated_at FROM sync_ledger"
                + " WHERE contact IN ("
                + String.join(",", Collections.nCopies(contacts.size(), "?")) + ")"
                + " AND status IN ('sent', 'claimed') AND updated_at >= ? AND kind IN ("
                + String.join(",", Collections.nCopies(kinds.size(), "?")) + ")";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            for (String contact : contacts) {
                query.setString(index++, contact);
            }
            query.setObject(index++, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
            for (String kind : kinds) {
                query.setString(index++, kind);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    sent.add(new SentEvent(row.getString(1), row.getString(2), row.getString(3),
                            row.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the ledger: " + e.getMessage(), e);
        }
        return sent;
    }

    /**
     * The keys of one kind that were skipped, with a reason that may change, since a moment:
     * the items a detector must decide again although nothing new shows them.
     */
    public List<String> skippedSince(String kind, Collection<String> reasons, Instant since) {
        List<String> keys = new ArrayList<>();
        if (reasons.isEmpty()) {
            return keys;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT item_key FROM sync_ledger WHERE kind = ? AND status = 'skipped'"
                             + " AND updated_at >= ? AND reason IN ("
                             + String.join(",", Collections.nCopies(reasons.size(), "?")) + ")")) {
            query.setString(1, kind);
            query.setObject(2, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
            int index = 3;
            for (String reason : reasons) {
                query.setString(index++, reason);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    keys.add(row.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the ledger: " + e.getMessage(), e);
        }
        return keys;
    }

    /** A short fingerprint of an email, the same for any letter case; never the email itself. */
    public static String contact(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Which claims are in force now, so that their items must not be sent again: those within
     * the lease whose instance still checks in. Reads the live instances once.
     */
    public Predicate<LedgerEntry> claimsInForce() {
        Set<String> alive = instances.alive();
        Instant leaseStart = clock.instant().minus(lease);
        return entry -> LedgerEntry.CLAIMED.equals(entry.status()) && entry.claimedAt() != null
                && entry.claimedAt().isAfter(leaseStart)
                && (entry.claimedBy() == null || alive.contains(entry.claimedBy()));
    }

    /** One item to claim: its key, kind, the fingerprint of its contact and of its body. */
    public record Claim(String key, String kind, String contact, String payloadHash) {
    }

    /**
     * Claims items for sending, a few hundred in one statement, and returns the keys this call
     * took: new ones, skipped ones, and claims no longer in force (see {@link #claimsInForce}).
     * An item that another poll or live instance holds, or that was sent or failed, is not
     * taken. A deadlock with another instance's claim is tried again.
     */
    public Set<String> claimAll(List<Claim> claims) {
        Set<String> taken = new HashSet<>();
        List<String> alive = List.copyOf(instances.alive());
        List<Claim> sorted = new ArrayList<>(claims);
        // One order for every claimer, so that two instances lock rows in the same order.
        sorted.sort(Comparator.comparing(Claim::key));
        for (int from = 0; from < sorted.size(); from += LOOKUP_BATCH) {
            List<Claim> batch = sorted.subList(from, Math.min(sorted.size(), from + LOOKUP_BATCH));
            for (int tries = 1; ; tries++) {
                try {
                    taken.addAll(claimBatch(batch, alive));
                    break;
                } catch (SQLException e) {
                    if (!"40001".equals(e.getSQLState()) || tries == 3) {
                        throw new LedgerException("Cannot claim " + batch.size() + " item(s): "
                                + e.getMessage(), e);
                    }
                }
            }
        }
        return taken;
    }

    private Set<String> claimBatch(List<Claim> batch, List<String> alive) throws SQLException {
        String token = UUID.randomUUID().toString();
        LocalDateTime now = now();
        Instant issued = clock.instant();
        tokens.values().removeIf(at -> at.isBefore(issued.minus(lease)));
        tokens.put(token, issued);
        String mine = "claim_token = VALUES(claim_token)";
        String sql = "INSERT INTO sync_ledger (item_key, kind, contact, status, attempts,"
                + " payload_hash, claimed_at, updated_at, claim_token, claimed_by) VALUES "
                + String.join(", ", Collections.nCopies(batch.size(),
                        "(?, ?, ?, 'claimed', 1, ?, ?, ?, ?, ?)"))
                // The token is set first; every later assignment sees whether it changed.
                + " ON DUPLICATE KEY UPDATE claim_token = IF(status = 'skipped'"
                + " OR (status = 'claimed' AND (claimed_at < ? OR claimed_by NOT IN ("
                + String.join(",", Collections.nCopies(alive.size(), "?")) + "))),"
                + " VALUES(claim_token), claim_token),"
                + " claimed_by = IF(" + mine + ", VALUES(claimed_by), claimed_by),"
                + " attempts = IF(" + mine + ", attempts + 1, attempts),"
                + " contact = IF(" + mine + ", VALUES(contact), contact),"
                + " payload_hash = IF(" + mine + ", VALUES(payload_hash), payload_hash),"
                + " reason = IF(" + mine + ", NULL, reason),"
                + " claimed_at = IF(" + mine + ", VALUES(claimed_at), claimed_at),"
                + " updated_at = IF(" + mine + ", VALUES(updated_at), updated_at),"
                + " status = IF(" + mine + ", 'claimed', status)";
        Set<String> taken = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (Claim claim : batch) {
                    insert.setString(index++, claim.key());
                    insert.setString(index++, claim.kind());
                    insert.setString(index++, claim.contact());
                    insert.setString(index++, claim.payloadHash());
                    insert.setObject(index++, now);
                    insert.setObject(index++, now);
                    insert.setString(index++, token);
                    insert.setString(index++, instances.id());
                }
                insert.setObject(index++, now.minus(lease));
                for (String instance : alive) {
                    insert.setString(index++, instance);
                }
                insert.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT item_key FROM sync_ledger WHERE claim_token = ? AND item_key IN ("
                            + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                query.setString(1, token);
                for (int i = 0; i < batch.size(); i++) {
                    query.setString(i + 2, batch.get(i).key());
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        taken.add(row.getString(1));
                    }
                }
            }
        }
        return taken;
    }

    /**
     * Gives up the claims this process holds on items it has not sent, when it stops before a
     * poll's page is through, so that the next start (of this or another instance) sends them
     * at once instead of after the lease. A request whose answer was still on its way may then
     * be sent twice, as after a crash. Returns how many claims were given up.
     */
    public int releaseUnsent() {
        List<String> held = new ArrayList<>(tokens.keySet());
        int released = 0;
        for (int from = 0; from < held.size(); from += LOOKUP_BATCH) {
            List<String> batch = held.subList(from, Math.min(held.size(), from + LOOKUP_BATCH));
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM sync_ledger WHERE status = 'claimed' AND claim_token IN ("
                                 + String.join(",", Collections.nCopies(batch.size(), "?"))
                                 + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    delete.setString(i + 1, batch.get(i));
                }
                released += delete.executeUpdate();
            } catch (SQLException e) {
                throw new LedgerException("Cannot give up the open claims: " + e.getMessage(), e);
            }
        }
        tokens.clear();
        return released;
    }

    /**
     * Takes the claim of a failed item for a replay. Returns false when the item is not failed
     * any more: delivered by an earlier replay, or being replayed right now.
     */
    public boolean claimFailed(String key) {
        LocalDateTime now = now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sync_ledger SET status = 'claimed', attempts = attempts + 1,"
                             + " claimed_at = ?, updated_at = ?, claimed_by = ? WHERE item_key = ?"
                             + " AND status = 'failed'")) {
            update.setObject(1, now);
            update.setObject(2, now);
            update.setString(3, instances.id());
            update.setString(4, key);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LedgerException("Cannot claim " + key + " for a replay: " + e.getMessage(),
                    e);
        }
    }

    /** Gives a replay claim back, so that the item can be replayed again. */
    public void returnToFailed(String key) {
        execute("UPDATE sync_ledger SET status = 'failed', updated_at = ? WHERE item_key = ?"
                + " AND status = 'claimed'", now(), key);
    }

    public void markSent(String key) {
        execute("UPDATE sync_ledger SET status = 'sent', reason = NULL, updated_at = ?"
                + " WHERE item_key = ?", now(), key);
    }

    /** Gives up a claim, so that the next poll finds the item again. */
    public void release(String key) {
        execute("DELETE FROM sync_ledger WHERE item_key = ? AND status = 'claimed'", key);
    }

    /**
     * Records why an item is not sent. An item already sent or failed keeps that status; a
     * skipped one takes the new reason.
     */
    public void recordSkip(String key, String kind, String reason) {
        LocalDateTime now = now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sync_ledger (item_key, kind, status, reason, updated_at)"
                             + " VALUES (?, ?, 'skipped', ?, ?)"
                             + " ON DUPLICATE KEY UPDATE"
                             + " reason = IF(status = 'skipped', ?, reason),"
                             + " updated_at = IF(status = 'skipped', ?, updated_at)")) {
            insert.setString(1, key);
            insert.setString(2, kind);
            insert.setString(3, reason);
            insert.setObject(4, now);
            insert.setString(5, reason);
            insert.setObject(6, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("Cannot record the skip of " + key + ": " + e.getMessage(),
                    e);
        }
    }

    /** Marks an item failed inside the caller's transaction, together with its error entry. */
    void markFailed(Connection connection, String key) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sync_ledger SET status = 'failed', updated_at = ? WHERE item_key = ?")) {
            update.setObject(1, now());
            update.setString(2, key);
            update.executeUpdate();
        }
    }

    private void execute(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("Cannot update the ledger: " + e.getMessage(), e);
        }
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The ledger could not be read or written. */
    public static final class LedgerException extends RuntimeException {
        public LedgerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
