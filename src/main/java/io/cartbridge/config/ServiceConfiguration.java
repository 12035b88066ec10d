package io.cartbridge.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cartbridge.delivery.ContactBackfill;
import io.cartbridge.delivery.CursorStore;
import io.cartbridge.delivery.Deliveries;
import io.cartbridge.delivery.DeliveryLedger;
import io.cartbridge.delivery.DryRunWriter;
import io.cartbridge.delivery.ErrorEntry;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.delivery.GuestCartStore;
import io.cartbridge.delivery.HistoryMarks;
import io.cartbridge.delivery.Instances;
import io.cartbridge.delivery.Pages;
import io.cartbridge.delivery.Poller;
import io.cartbridge.delivery.Recoveries;
import io.cartbridge.delivery.Replayer;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.delivery.RunHistory;
import io.cartbridge.opencart.CartDetector;
import io.cartbridge.opencart.CombinedDetector;
import io.cartbridge.opencart.GuestCartDetector;
import io.cartbridge.opencart.CheckoutDetector;
import io.cartbridge.opencart.DetectionRules;
import io.cartbridge.opencart.Detector;
import io.cartbridge.opencart.EventKind;
import io.cartbridge.opencart.PurchaseDetector;
import io.cartbridge.opencart.ShopQuery;
import io.cartbridge.opencart.ShopEvent;
import io.cartbridge.opencart.ShopSnapshot;
import io.cartbridge.opencart.SqlCatalog;
import io.cartbridge.ops.Housekeeping;
import io.cartbridge.ops.JmxRemote;
import io.cartbridge.ops.Masking;
import io.cartbridge.ops.ServiceHealthCheck;
import io.cartbridge.ops.SyncMetrics;
import io.cartbridge.ops.SyncOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.cartbridge.sendpulse.EventPayload;
import io.cartbridge.sendpulse.FailureClassifier;
import io.cartbridge.sendpulse.FieldNames;
import io.cartbridge.sendpulse.RateLimiter;
import io.cartbridge.sendpulse.SendPulseAuth;
import io.cartbridge.sendpulse.TokenProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the service's beans from the configuration and puts them in Camel's registry, where
 * the YAML routes find them by name.
 */
public final class ServiceConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        Settings settings = new Settings(key ->
                context.getPropertiesComponent().resolveProperty(key));
        Clock clock = Optional.ofNullable(context.getRegistry().lookupByNameAndType("clock",
                Clock.class)).orElse(Clock.systemUTC());

        HikariDataSource shop = shopDataSource(settings);
        HikariDataSource service = serviceDataSource(settings);
        closeOnStop(context, shop, service);
        migrate(service);
        if (settings.flag("sync.cluster", false)) {
            QuartzCluster.configure(context, settings, service.getJdbcUrl(),
                    service.getUsername(), service.getPassword());
        }

        String prefix = settings.text("opencart.table-prefix", "oc_");
        SqlCatalog catalog = new SqlCatalog(
                ShopSchema.version(settings.text("opencart.version", "auto"), shop, prefix),
                prefix);
        LOG.info("Reading OpenCart {} tables with prefix '{}' from {}", catalog.version(),
                prefix, ShopSchema.where(shop));
        ShopQuery query = new ShopQuery(shop, catalog);
        DetectionRules rules = new DetectionRules(
                settings.integer("sync.cart-idle-minutes", 60, 0),
                settings.integer("sync.max-age-days", 7, 1),
                settings.flag("sync.require-consent", false),
                settings.integer("sync.max-products", 20, 1),
                settings.integer("sync.page-size", 1000, 1));
        Instances instances = new Instances(service,
                Duration.ofMillis(settings.integer("sync.cluster-checkin-ms", 10000, 1000)));
        DeliveryLedger ledger = new DeliveryLedger(service, clock,
                Duration.ofMinutes(settings.integer("sync.claim-lease-minutes", 10, 0)),
                instances);
        Map<EventKind, Detector> detectors = new EnumMap<>(EventKind.class);
        Detector carts = new CartDetector(query, rules, () -> ledger.skippedSince(
                EventKind.CART.keyPrefix(), CartDetector.PASSING_REASONS,
                clock.instant().minus(Duration.ofDays(rules.maxAgeDays()))));
        if (settings.flag("sync.guest-carts", true)) {
            carts = new CombinedDetector(EventKind.CART, List.of(carts,
                    new GuestCartDetector(query, rules, new GuestCartStore(service, clock),
                            customerEmailPolicy(settings))));
        }
        detectors.put(EventKind.CART, carts);
        detectors.put(EventKind.CHECKOUT, new CheckoutDetector(query, rules, ledger::settled));
        detectors.put(EventKind.PURCHASE, new PurchaseDetector(query, rules,
                settings.flag("sync.purchases-require-consent", false),
                "max-age".equals(settings.choice("sync.purchases-start", "latest", "latest",
                        "max-age"))));

        checkStartupSettings(settings);
        Optional<String> storeUrl = settings.optional("opencart.store-url");
        storeUrl.filter(url -> !httpUrl(url))
                .ifPresent(url -> {
                    throw new IllegalStateException("Setting opencart.store-url"
                            + " (OPENCART_STORE_URL) must be an absolute URL such as"
                            + " https://shop.example/, not '"
                            + url + "'");
                });
        Set<Integer> saleStatuses = statusList(settings.text("sync.purchase-statuses", ""));

        ErrorStore errors = new ErrorStore(service, ledger);
        SyncMetrics metrics = new SyncMetrics(() -> Optional.ofNullable(context.getRegistry()
                .findSingleByType(MeterRegistry.class)).orElseGet(SimpleMeterRegistry::new));
        Recoveries recoveries = new Recoveries(service, ledger,
                Duration.ofDays(settings.integer("sync.recovery-window-days", 7, 0)),
                metrics::recovered);
        RunHistory history = new RunHistory(service, clock, run -> {
            metrics.poll(run);
            metrics.errorStoreSize(errors.count(ErrorEntry.FAILED));
        });
        boolean dryRun = settings.flag("sync.dry-run", false);
        RateLimiter limiter = new RateLimiter(settings.decimal("sendpulse.rate-limit", 10));
        FailureClassifier classifier = new FailureClassifier(
                settings.integer("sendpulse.retry.max-attempts", 5, 1),
                Duration.ofSeconds(settings.integer("sendpulse.retry.rate-limit-budget-seconds",
                        300)), limiter, clock);
        DryRunWriter dryRunWriter = new DryRunWriter(
                Path.of(settings.text("sync.dry-run-file", "dry-run.jsonl")), clock);

        Map<EventKind, String> eventNames = new EnumMap<>(EventKind.class);
        Map<EventKind, Long> automationIds = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            eventNames.put(kind, settings.text("sendpulse.event." + kind.keyPrefix(),
                    kind.defaultEvent()));
            String automationKey = "sendpulse.automation-id." + kind.keyPrefix();
            settings.optional(automationKey).ifPresent(id -> automationIds.put(kind,
                    number(automationKey, id)));
        }
        EventPayload payload = new EventPayload(FieldNames.from(key ->
                context.getPropertiesComponent().resolveProperty(key)), automationIds);

        bind(context, "shopDataSource", shop);
        bind(context, "serviceDataSource", service);
        bind(context, "ledger", ledger);
        bind(context, "errorStore", errors);
        bind(context, "runHistory", history);
        bind(context, "failureClassifier", classifier);
        TokenProvider tokens = tokens(settings, clock, dryRun);
        bind(context, "sendPulseAuth", new SendPulseAuth(tokens, limiter,
                metrics::rateLimitWait));
        String addressBook = settings.text("sendpulse.addressbook-id", "");
        Supplier<ProducerTemplate> templates = memoized(context::createProducerTemplate);
        // Every detector route hands its items to this one pool, so the requests in flight at
        // once, and with them the duplicates a crash can cause, never exceed its size. A dry run
        // uses one thread, so that its file lists the items in the order they were found.
        // The HTTP client keeps 20 connections to one host: more threads would only wait.
        int inFlight = settings.integer("sendpulse.concurrent-requests", 4, 1, 20);
        bind(context, "deliveryThreads", context.getExecutorServiceManager()
                .newFixedThreadPool(context, "delivery", dryRun ? 1 : inFlight));
        bind(context, "deliveries", new Deliveries(ledger, errors, classifier, dryRunWriter,
                metrics, "/addressbooks/" + addressBook + "/emails", templates, clock));
        long errorThreshold = settings.integer("management.error-store-threshold", 100, 0);
        bind(context, "shopDatabaseHealth", new ServiceHealthCheck("shop-database",
                () -> reachable(shop)));
        bind(context, "serviceDatabaseHealth", new ServiceHealthCheck("service-database",
                () -> reachable(service)));
        bind(context, "sendPulseTokenHealth", new ServiceHealthCheck("sendpulse-token",
                () -> dryRun || tokens.token() != null ? null : "no token"));
        bind(context, "errorStoreHealth", new ServiceHealthCheck("error-store", () -> {
            long failed = errors.count(ErrorEntry.FAILED);
            return failed <= errorThreshold ? null : failed + " failed items wait in the error"
                    + " store (threshold " + errorThreshold + ")";
        }));
        bind(context, "shopReadsHealth", new ServiceHealthCheck("shop-reads", () -> {
            Map<EventKind, PollRun> latest = new EnumMap<>(EventKind.class);
            history.recent().forEach(run -> latest.putIfAbsent(run.kind(), run));
            return latest.values().stream().filter(run -> run.readError() != null)
                    .map(PollRun::summary).findFirst().orElse(null);
        }));
        bind(context, "housekeeping", new Housekeeping(errors, dryRunWriter, recoveries,
                Duration.ofDays(settings.integer("sync.retention-days", 30, 1)), clock));
        bind(context, "pages", new Pages(templates));
        Replayer replayer = new Replayer(errors, ledger, templates, clock, dryRun);
        bind(context, "replayer", replayer);
        ContactBackfill backfill = new ContactBackfill(query,
                () -> ShopSnapshot.load(query, storeUrl, saleStatuses),
                new CursorStore(service, clock), templates, addressBook,
                settings.integer("sendpulse.addressbook-batch-size", 100, 1), clock);
        bind(context, "contactBackfill", backfill);
        SyncOperations operations = new SyncOperations(errors, replayer, history, recoveries,
                backfill, instances, credentials(settings));
        bind(context, "syncOperations", operations);
        int jmxPort = settings.integer("management.jmx-port", 0, 0);
        String jmxHost = settings.text("management.jmx-host", "127.0.0.1");
        Optional<String> jmxPasswords = settings.optional("management.jmx-password-file");
        if (jmxPort > 0) {
            JmxRemote.check(jmxPasswords.map(Path::of).orElse(null));
        }
        onStartAndStop(context, new ServiceSupport() {
            private JmxRemote remote;

            @Override
            protected void doStart() {
                instances.start();
                operations.register(context.getName());
                if (jmxPort > 0) {
                    remote = JmxRemote.start(jmxHost, jmxPort,
                            jmxPasswords.map(Path::of).orElse(null));
                }
            }

            @Override
            protected void doStop() {
                // The routes have stopped: what this process claimed and did not send is
                // given back before the pools close.
                try {
                    int released = ledger.releaseUnsent();
                    if (released > 0) {
                        LOG.info("Gave back {} claimed item(s) not sent before the stop; the"
                                + " next poll sends them", released);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Claims not sent before the stop stay until another instance sees"
                            + " that this one is gone: {}", e.getMessage());
                }
                try {
                    instances.stop();
                } catch (RuntimeException e) {
                    LOG.warn("This instance stays listed until it has missed two check-ins: {}",
                            e.getMessage());
                }
                if (remote != null) {
                    remote.stop();
                }
                operations.unregister(context.getName());
            }
        });
        HistoryMarks marks = new HistoryMarks(service,
                Duration.ofDays(rules.maxAgeDays() + 1L));
        bind(context, "poller", new Poller(detectors,
                () -> snapshot(query, storeUrl, saleStatuses, marks), ledger, errors,
                new CursorStore(service, clock), payload, eventNames, history, dryRun,
                Duration.ofHours(settings.integer("sync.cooldown-hours", 24, 0)), recoveries,
                contactUpdates(settings), clock));
    }

    /**
     * The shop's settings for one poll, with the marks that keep look-ups of order history
     * to its new end. Without a mark a look-up reads the whole history, slower but the same.
     */
    private static ShopSnapshot snapshot(ShopQuery query, Optional<String> storeUrl,
                                         Set<Integer> saleStatuses, HistoryMarks marks) {
        ShopSnapshot shop = ShopSnapshot.load(query, storeUrl, saleStatuses);
        try {
            marks.mark(query, shop.zone());
        } catch (RuntimeException e) {
            LOG.warn("No history mark this time: {}", e.getMessage());
        }
        return shop.withHistoryFloor(since -> {
            try {
                return marks.floor(since);
            } catch (RuntimeException e) {
                LOG.warn("Reading the whole order history: {}", e.getMessage());
                return 0;
            }
        });
    }

    /**
     * With sync.update-contacts-on-purchase and an address book, each purchase event of a
     * customer who agreed to the newsletter is followed by that buyer's address-book contact.
     */
    private static Function<ShopEvent, byte[]> contactUpdates(Settings settings) {
        boolean on = settings.flag("sync.update-contacts-on-purchase", false)
                && settings.optional("sendpulse.addressbook-id").isPresent();
        return event -> on && event.kind() == EventKind.PURCHASE && event.contact().newsletter()
                ? ContactBackfill.purchaseContact(event) : null;
    }

    /** Settings Camel would only reject with a stack trace, once the routes start. */
    private static void checkStartupSettings(Settings settings) {
        for (String schedule : List.of("abandoned-carts", "abandoned-checkouts", "purchases",
                "housekeeping")) {
            String key = "sync.schedule." + schedule;
            String cron = settings.text(key, "");
            if (!org.quartz.CronExpression.isValidExpression(cron)) {
                throw new IllegalStateException("Setting " + key + " (environment "
                        + Settings.environmentName(key) + ") must be a Quartz cron expression"
                        + " such as '0 0/2 * * * ?', not '" + cron + "'");
            }
        }
        settings.integer("management.http-port", 9876, 1, 65535);
        String api = settings.text("sendpulse.api-url", "https://api.sendpulse.com");
        if (!httpUrl(api)) {
            throw new IllegalStateException("Setting sendpulse.api-url (SENDPULSE_API_URL) must"
                    + " be an http or https URL such as https://api.sendpulse.com, not '" + api
                    + "'");
        }
    }

    /** An absolute http or https URL: scheme, host, then an optional path. */
    private static boolean httpUrl(String url) {
        return url.trim().matches("(?i)https?://[^/\\s]+(/\\S*)?");
    }

    private static String reachable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "the database does not answer";
        } catch (SQLException e) {
            return "the database is out of reach: " + e.getMessage();
        }
    }

    private static GuestCartDetector.CustomerEmailPolicy customerEmailPolicy(Settings settings) {
        String value = settings.text("sync.guest-customer-email", "send");
        try {
            return GuestCartDetector.CustomerEmailPolicy.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Setting sync.guest-customer-email must be send or"
                    + " skip, not '" + value + "'", e);
        }
    }

    private static String credentials(Settings settings) {
        if (settings.secret("sendpulse.api-key").isPresent()) {
            return "API key " + Masking.secret("set");
        }
        return "OAuth client " + settings.text("sendpulse.client-id", "(not set)") + ", secret "
                + Masking.secret(settings.secret("sendpulse.client-secret").orElse(""));
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private static TokenProvider tokens(Settings settings, Clock clock, boolean dryRun) {
        Optional<String> apiKey = settings.secret("sendpulse.api-key");
        if (apiKey.isPresent()) {
            return TokenProvider.apiKey(apiKey.get());
        }
        String clientId = dryRun ? settings.text("sendpulse.client-id", "")
                : settings.required("sendpulse.client-id");
        String secret = settings.secret("sendpulse.client-secret").orElseGet(() -> {
            if (dryRun) {
                return "";
            }
            throw new IllegalStateException("Setting sendpulse.client-secret (environment"
                    + " SENDPULSE_CLIENT_SECRET, or a file named by sendpulse.client-secret-file)"
                    + " is required");
        });
        return TokenProvider.oauth(settings.text("sendpulse.api-url", "https://api.sendpulse.com"),
                clientId, secret,
                settings.millis("sendpulse.connect-timeout-ms", 5000),
                settings.millis("sendpulse.read-timeout-ms", 30000),
                Duration.ofSeconds(settings.integer("sendpulse.invalid-client-pause-seconds", 600)),
                clock);
    }

    private static HikariDataSource shopDataSource(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("shop");
        config.setJdbcUrl(settings.required("opencart.db.url"));
        config.setUsername(settings.text("opencart.db.user", ""));
        config.setPassword(settings.secret("opencart.db.password").orElse(""));
        // The service only reads the shop: a read-only session makes the driver refuse writes.
        config.setReadOnly(true);
        config.setMaximumPoolSize(settings.integer("opencart.db.pool-size", 4, 1));
        config.addDataSourceProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        config.addDataSourceProperty("characterEncoding", "UTF-8");
        return pool(config, "the shop database (opencart.db.url, opencart.db.user,"
                + " opencart.db.password)");
    }

    private static HikariDataSource serviceDataSource(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("service");
        config.setJdbcUrl(settings.optional("service.db.url")
                .orElseGet(() -> settings.required("opencart.db.url")));
        config.setUsername(settings.optional("service.db.user")
                .orElseGet(() -> settings.text("opencart.db.user", "")));
        // Without a user of its own, the service connection is the shop's, password included.
        config.setPassword(settings.secret("service.db.password").orElseGet(() ->
                settings.optional("service.db.user").isPresent() ? ""
                        : settings.secret("opencart.db.password").orElse("")));
        config.setMaximumPoolSize(settings.integer("service.db.pool-size", 8, 1));
        config.addDataSourceProperty("characterEncoding", "UTF-8");
        // The ledger runs the same few statements for every item; parse each once per
        // connection instead of once per item.
        config.addDataSourceProperty("cachePrepStmts", "true");
        config.addDataSourceProperty("prepStmtCacheSize", "50");
        config.addDataSourceProperty("prepStmtCacheSqlLimit", "1024");
        return pool(config, "the service database (service.db.url, service.db.user,"
                + " service.db.password; empty: the shop's)");
    }

    private static HikariDataSource pool(HikariConfig config, String what) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("Cannot connect to " + what + ": "
                    + root.getMessage(), e);
        }
    }

    /** Creates or updates the service's own tables in the given database. */
    public static void migrate(DataSource service) {
        // The service's tables may share a schema with the shop; baseline below version 1 so
        // that the first migration still runs there.
        try {
            Flyway.configure().dataSource(service).table("sync_schema_history")
                    .locations("classpath:db/migration").baselineOnMigrate(true)
                    .baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot create the service's tables in"
                    + " service.db.url (empty: the shop database); give the service a schema"
                    + " and a user of its own that may create tables: " + e.getMessage(), e);
        }
    }

    private static Set<Integer> statusList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(id -> (int) number("sync.purchase-statuses", id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static long number(String key, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + key + " (environment "
                    + Settings.environmentName(key) + ") takes whole numbers, not '" + text + "'");
        }
    }

    private static void bind(CamelContext context, String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    private static void closeOnStop(CamelContext context, HikariDataSource... pools) {
        onStartAndStop(context, new ServiceSupport() {
            @Override
            protected void doStop() {
                Arrays.stream(pools).forEach(HikariDataSource::close);
            }
        });
    }

    private static void onStartAndStop(CamelContext context, ServiceSupport service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
