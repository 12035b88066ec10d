package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The service works with a shop user that may only read (F25). */
class ReadOnlyShopUserTest {

    @Test
    void should_sync_with_a_user_that_has_only_select_on_the_shop() throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            String user = "cb_ro_" + UUID.randomUUID().toString().substring(0, 8);
            String password = "ro-" + UUID.randomUUID();
            try {
                createUser(harness, user, password);
            } catch (SQLException e) {
                // The embedded server runs without grant tables: any user may do anything.
                Assumptions.abort("this server has no user accounts: " + e.getMessage());
            }
            try {
                harness.with("opencart.db.user", user).with("opencart.db.password", password)
                        .with("service.db.user", "root").with("service.db.password", "");
                harness.runOnce();
                int owner = harness.activity.customer("reader@example.test", "Re", "Ader", "",
                        true, true);
                harness.activity.cartLine(owner, 40, 1, "[]", harness.activity.minutesAgo(90));

                harness.runOnce();

                assertThat(harness.sendPulse.emails("abandoned_cart"))
                        .containsExactly("reader@example.test");
                assertThatThrownBy(() -> {
                    try (Connection connection = DriverManager.getConnection(harness.shop.url()
                            + "?sslMode=DISABLED", user, password);
                         Statement statement = connection.createStatement()) {
                        statement.executeUpdate("DELETE FROM oc_cart");
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("denied");
            } finally {
                execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    private static void createUser(ServiceHarness harness, String user, String password)
            throws SQLException {
        execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        execute("GRANT SELECT ON " + harness.shop.name() + ".* TO '" + user + "'@'%'");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.server()
                + "?sslMode=DISABLED", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
