package io.cartbridge.demo;

import io.cartbridge.SyncService;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.ShopActivity;
import io.cartbridge.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One dry-run cycle of the sync against a sample shop in an embedded MariaDB, showing what would
 * go to SendPulse and what was left out and why. Nothing is sent; no existing server is touched.
 */
public final class Demo {

    private static final Path SCHEMA = Path.of("src/test/resources/opencart-3.0/schema.sql");
    private static final Path DRY_RUN_FILE = Path.of("target/demo/dry-run.jsonl");

    private Demo() {
    }

    public static void main(String[] args) {
        System.out.println("""
                ==========================================================================
                 cartbridge demo: a sample OpenCart 3.0 shop, one dry-run sync cycle
                 Nothing is sent to SendPulse; the requests are written to a file instead.
                ==========================================================================
                """);
        try {
            run();
        } catch (Exception | Error e) {
            System.err.println("\nThe demo failed: " + describe(e));
            System.exit(1);
        }
        // The embedded server's process watcher would keep the JVM alive; exiting runs the
        // shutdown hook that stops the server and deletes its files.
        System.exit(0);
    }

    private static void run() throws Exception {
        if (!Files.exists(SCHEMA)) {
            throw new IllegalStateException("start it in the project folder; " + SCHEMA
                    + " is not here");
        }
        Files.deleteIfExists(DRY_RUN_FILE);

        System.out.println("Starting the embedded MariaDB...");
        TestDatabase.useEmbedded();
        System.out.println("Embedded MariaDB ready at " + TestDatabase.server());

        try (TestDatabase shop = TestDatabase.create("demoshop");
             TestDatabase state = TestDatabase.create("demoservice")) {
            shop.load(SCHEMA);
            DemoShop.fill(new ShopActivity(shop, "oc_", ZoneOffset.UTC));
            System.out.println("Sample shop ready in database " + shop.name() + ".\n");

            List<PollRun> runs;
            try (SyncService service = new SyncService(overrides(shop, state))) {
                service.start();
                runs = service.runOnce();
            }

            System.out.println();
            System.out.println(DryRunReport.of(DRY_RUN_FILE));
            System.out.print(SyncService.summary(runs));
            if (runs.stream().anyMatch(run -> run.failedCount() > 0)) {
                throw new IllegalStateException("some items failed; see the log above");
            }
        }
    }

    private static Map<String, String> overrides(TestDatabase shop, TestDatabase state) {
        return Map.ofEntries(
                Map.entry("camel.main.name", "cartbridge-demo"),
                Map.entry("camel.management.enabled", "false"),
                Map.entry("opencart.db.url", shop.url()),
                Map.entry("opencart.db.user", shop.user()),
                Map.entry("service.db.url", state.url()),
                Map.entry("service.db.user", state.user()),
                Map.entry("opencart.store-url", "https://demo-shop.example.test/"),
                Map.entry("sync.once", "true"),
                Map.entry("sync.dry-run", "true"),
                Map.entry("sync.dry-run-file", DRY_RUN_FILE.toString()),
                Map.entry("sync.purchases-start", "max-age"));
    }

    /** The message and, when it says more, the root cause: enough to act on without a trace. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error instanceof Error || error.getMessage() == null
                ? error.toString() : error.getMessage();
        return root == error || message.contains(String.valueOf(root.getMessage()))
                ? message : message + "\n  caused by: " + root;
    }
}
