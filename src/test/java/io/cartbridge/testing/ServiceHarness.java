package io.cartbridge.testing;

import io.cartbridge.SyncService;
import io.cartbridge.delivery.PollRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A shop database, the service's own database and a SendPulse stand-in, with the service
 * started in one-cycle mode against them.
 */
public final class ServiceHarness implements AutoCloseable {

    public static final String STORE_URL = "https://shop.example.test/";

    public final TestDatabase shop;
    public final TestDatabase state;
    public final SendPulseStandIn sendPulse;
    public final ShopActivity activity;
    private final Map<String, String> properties = new HashMap<>();
    private SyncService service;

    /** The session mode of MySQL 8, stricter than MariaDB's default. */
    public static final String MYSQL8_SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,"
            + "NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private ServiceHarness(TestDatabase shop, String line) {
        this.shop = shop;
        this.state = TestDatabase.create("state");
        this.sendPulse = new SendPulseStandIn();
        this.activity = new ShopActivity(shop, "oc_", line, ZoneOffset.UTC);
        properties.put("camel.main.name", "cartbridge-test-" + UUID.randomUUID());
        properties.put("opencart.db.url", shop.url());
        properties.put("opencart.db.user", shop.user());
        properties.put("service.db.url", state.url());
        properties.put("service.db.user", state.user());
        properties.put("opencart.store-url", STORE_URL);
        properties.put("sendpulse.api-url", sendPulse.url());
        properties.put("sendpulse.client-id", SendPulseStandIn.CLIENT_ID);
        properties.put("sendpulse.client-secret", SendPulseStandIn.CLIENT_SECRET);
        properties.put("sendpulse.retry.initial-delay-ms", "10");
        properties.put("sendpulse.retry.max-delay-ms", "50");
        properties.put("sendpulse.rate-limit", "1000");
        properties.put("sync.once", "true");
        properties.put("camel.management.enabled", "false");
    }

    /** A shop on one of the real OpenCart installs in the shared fixtures; skips without them. */
    public static ServiceHarness onFixture(String version) {
        Path folder = sharedDir().resolve("fixtures/opencart").resolve(version);
        Assumptions.assumeTrue(Files.isDirectory(folder), "no OpenCart fixtures at " + folder);
        TestDatabase shop = TestDatabase.create("oc" + version);
        if (Files.exists(folder.resolve("opencart.sql"))) {
            shop.load(folder.resolve("opencart.sql"));
        } else {
            shop.load(folder.resolve("schema.sql"));
            shop.load(folder.resolve("data.sql"));
        }
        return new ServiceHarness(shop, version.substring(0, 3));
    }

    /** The same, with the service's shop queries under MySQL 8's SQL mode when asked. */
    public static ServiceHarness onFixture(String version, boolean mysql8SqlMode) {
        ServiceHarness harness = onFixture(version);
        return mysql8SqlMode ? harness.withMysql8SqlMode() : harness;
    }

    /** A shop on the project's own OpenCart 3.0 subset. */
    public static ServiceHarness onSubset() {
        TestDatabase shop = TestDatabase.create("subset");
        shop.load(Path.of("src/test/resources/opencart-3.0/schema.sql"));
        return new ServiceHarness(shop, "3.0");
    }

    /** Runs the service's shop queries under MySQL 8's stricter SQL mode. */
    public ServiceHarness withMysql8SqlMode() {
        return with("opencart.db.url", shop.url() + "?sessionVariables=sql_mode='"
                + MYSQL8_SQL_MODE + "'");
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("cartbridge.shared-dir", "../shared"));
    }

    public ServiceHarness with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Starts the service on first use, then runs one cycle of every detector. */
    public List<PollRun> runOnce() {
        if (service == null) {
            service = new SyncService(properties);
            service.start();
        }
        return service.runOnce();
    }

    /** The settings the service runs with, for starting it as a separate process. */
    public Map<String, String> properties() {
        return new HashMap<>(properties);
    }

    /** Stops the service; the next cycle starts a new one with the properties as they are. */
    public void restartService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    public SyncService service() {
        return service;
    }

    public PollRun run(List<PollRun> runs, String detector) {
        return runs.stream().filter(run -> run.kind().detector().equals(detector)).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        sendPulse.close();
        shop.close();
        state.close();
    }
}
