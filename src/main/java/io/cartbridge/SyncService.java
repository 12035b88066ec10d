package io.cartbridge;

import io.cartbridge.config.ServiceConfiguration;
import io.cartbridge.config.Settings;
import io.cartbridge.delivery.ContactBackfill;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.delivery.Replayer;
import io.cartbridge.delivery.RunHistory;
import io.cartbridge.opencart.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The service as a whole: Camel Main with the configuration file, the YAML routes and the
 * service's beans. It either runs on its schedules until stopped, or runs one cycle of every
 * detector and reports what became of each item.
 */
public final class SyncService implements AutoCloseable {

    private final Main main = new Main();
    private boolean once;

    /**
     * @param overrides properties that win over the file and the environment; the demo and the
     *     tests point the service at their own databases and stand-ins this way
     */
    public SyncService(Map<String, String> overrides) {
        main.setPropertyPlaceholderLocations(System.getProperty("cartbridge.config",
                "file:application.properties"));
        main.configure().addConfiguration(ServiceConfiguration.class);
        Properties properties = new Properties();
        routesBesideConfig().ifPresent(pattern ->
                properties.put("camel.main.routes-include-pattern", pattern));
        properties.putAll(overrides);
        main.setOverrideProperties(properties);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                once = new Settings(key -> support.getCamelContext().getPropertiesComponent()
                        .resolveProperty(key)).flag("sync.once", false);
                if (once) {
                    // One cycle is driven from here, so the schedules must not fire as well.
                    support.configure().setRouteFilterExcludePattern("quartz*");
                }
            }
        });
    }

    /**
     * Started from another folder with {@code -Dcartbridge.config=file:/etc/x/application
     * .properties}, the routes are read from the routes/ folder beside that file, unless the
     * working folder has its own.
     */
    private static Optional<String> routesBesideConfig() {
        String location = System.getProperty("cartbridge.config");
        if (location == null || !location.startsWith("file:")
                || Files.isDirectory(Path.of("routes"))) {
            return Optional.empty();
        }
        Path folder = Path.of(location.substring("file:".length())).toAbsolutePath()
                .getParent();
        return folder != null && Files.isDirectory(folder.resolve("routes"))
                ? Optional.of("file:" + folder.resolve("routes") + "/*.yaml") : Optional.empty();
    }

    /** Runs as configured: one cycle and an exit code, or until the process is stopped. */
    public int run() throws Exception {
        main.init();
        if (!once) {
            main.run();
            return main.getExitCode();
        }
        main.start();
        List<PollRun> runs = runOnce();
        System.out.println(summary(runs));
        return runs.stream().anyMatch(run -> run.failedCount() > 0 || run.readError() != null)
                ? 1 : 0;
    }

    /** Runs the contact backfill once, without the schedules; returns the exit code. */
    public int backfill(String from, String to) {
        main.start();
        try {
            System.out.println(context().getRegistry()
                    .lookupByNameAndType("contactBackfill", ContactBackfill.class)
                    .run(from == null ? null : LocalDate.parse(from),
                            to == null ? null : LocalDate.parse(to)));
            return 0;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** Replays the failed items of one kind, or of all kinds; returns the exit code. */
    public int replay(String kind) {
        main.start();
        Replayer replayer = context().getRegistry().lookupByNameAndType("replayer",
                Replayer.class);
        boolean failed = false;
        for (String one : Replayer.kinds(kind)) {
            String outcome = replayer.replayAll(one);
            System.out.println(outcome);
            failed |= !outcome.endsWith(" 0 still failed") && !outcome.startsWith("Dry run");
        }
        return failed ? 1 : 0;
    }

    /** Starts the service without blocking; the schedules run unless {@code sync.once} is set. */
    public void start() {
        main.start();
    }

    /**
     * Polls every detector once, in order, and returns once every delivery has ended. Each
     * detector route waits for its own deliveries before it returns.
     */
    public List<PollRun> runOnce() {
        ProducerTemplate template = context().createProducerTemplate();
        RunHistory history = context().getRegistry().lookupByNameAndType("runHistory",
                RunHistory.class);
        List<PollRun> runs = new ArrayList<>();
        try {
            for (EventKind kind : EventKind.values()) {
                try (RunHistory.Gathering gathering = history.gather(kind)) {
                    template.sendBody("direct:" + kind.detector(), null);
                    runs.add(PollRun.combined(kind, gathering.runs()));
                }
            }
        } finally {
            try {
                template.stop();
            } catch (Exception ignored) {
                // nothing to release beyond the template itself
            }
        }
        return runs;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** What one cycle did, one line per detector, for the console. */
    public static String summary(List<PollRun> runs) {
        StringBuilder text = new StringBuilder("Sync summary\n");
        for (PollRun run : runs) {
            text.append("  ").append(run.summary()).append('\n');
        }
        int failed = runs.stream().mapToInt(PollRun::failedCount).sum();
        if (failed > 0) {
            text.append("  ").append(failed)
                    .append(" item(s) failed; see the error store (table sync_error)\n");
        }
        return text.toString();
    }

    @Override
    public void close() {
        main.stop();
        main.shutdown();
    }
}
