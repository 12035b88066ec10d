package io.cartbridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cartbridge.opencart.GuestCartCopies;
import io.cartbridge.opencart.ProductLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Guest cart copies in the service's table {@code sync_guest_cart}. */
public final class GuestCartStore implements GuestCartCopies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ProductLine>> LINES = new TypeReference<>() { };

    private final DataSource dataSource;
    private final Clock clock;

    public GuestCartStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void save(Copy copy) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO sync_guest_cart (cart_id, store_id, email, first_name,"
                             + " last_name, telephone, currency, fingerprint, lines_json,"
                             + " first_seen, last_change, updated_at)"
                             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                             + " ON DUPLICATE KEY UPDATE email = ?, first_name = ?, last_name = ?,"
                             + " telephone = ?, currency = ?, fingerprint = ?, lines_json = ?,"
                             + " last_change = ?, updated_at = ?")) {
            String lines = JSON.writeValueAsString(copy.lines());
            Object[] values = {copy.cartId(), copy.storeId(), copy.email(), copy.firstName(),
                copy.lastName(), copy.telephone(), copy.currency(), copy.fingerprint(), lines,
                copy.firstSeen(), copy.lastChange(), now, copy.email(), copy.firstName(),
                copy.lastName(), copy.telephone(), copy.currency(), copy.fingerprint(), lines,
                copy.lastChange(), now};
            for (int i = 0; i < values.length; i++) {
                upsert.setObject(i + 1, values[i]);
            }
            upsert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep a guest cart: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Copy> idle(LocalDateTime idleBefore, LocalDateTime notBefore) {
        List<Copy> copies = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT * FROM sync_guest_cart WHERE last_change < ? AND last_change >= ?"
                             + " ORDER BY cart_id")) {
            query.setObject(1, idleBefore);
            query.setObject(2, notBefore);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    copies.add(new Copy(row.getString("cart_id"), row.getInt("store_id"),
                            row.getString("email"), row.getString("first_name"),
                            row.getString("last_name"), row.getString("telephone"),
                            row.getString("currency"), row.getString("fingerprint"),
                            JSON.readValue(row.getString("lines_json"), LINES),
                            row.getObject("first_seen", LocalDateTime.class),
                            row.getObject("last_change", LocalDateTime.class)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read guest carts: " + e.getMessage(), e);
        }
        return copies;
    }

    @Override
    public void forget(LocalDateTime before) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM sync_guest_cart WHERE last_change < ?")) {
            delete.setObject(1, before);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop old guest carts: " + e.getMessage(), e);
        }
    }
}
