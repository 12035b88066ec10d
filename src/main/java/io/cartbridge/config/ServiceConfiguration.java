package io.cartbridge.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cartbridge.delivery.CursorStore;
import io.cartbridge.delivery.Deliveries;
import io.cartbridge.delivery.DeliveryLedger;
import io.cartbridge.delivery.DryRunWriter;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.delivery.Poller;
import io.cartbridge.delivery.RunHistory;
import io.cartbridge.opencart.CartDetector;
import io.cartbridge.opencart.CheckoutDetector;
import io.cartbridge.opencart.DetectionRules;
import io.cartbridge.opencart.Detector;
import io.cartbridge.opencart.EventKind;
import io.cartbridge.opencart.PurchaseDetector;
import io.cartbridge.opencart.ShopQuery;
import io.cartbridge.opencart.ShopSnapshot;
import io.cartbridge.opencart.SqlCatalog;
import io.cartbridge.sendpulse.EventPayload;
import io.cartbridge.sendpulse.FailureClassifier;
import io.cartbridge.sendpulse.FieldNames;
import io.cartbridge.sendpulse.RateLimiter;
import io.cartbridge.sendpulse.SendPulseAuth;
import io.cartbridge.sendpulse.TokenProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;

/**
 * Builds the service's beans from the configuration and puts them in Camel's registry, where
 * the YAML routes find them by name.
 */
public final class ServiceConfiguration implements CamelConfiguration {

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

        String prefix = settings.text("opencart.table-prefix", "oc_");
        SqlCatalog catalog = new SqlCatalog(
                ShopSchema.version(settings.text("opencart.version", "auto"), shop, prefix),
                prefix);
        ShopQuery query = new ShopQuery(shop, catalog);
        DetectionRules rules = new DetectionRules(
                settings.integer("sync.cart-idle-minutes", 60),
                settings.integer("sync.max-age-days", 7),
                settings.flag("sync.require-consent", false),
                settings.integer("sync.max-products", 20),
                settings.integer("sync.page-size", 1000));
        Map<EventKind, Detector> detectors = new EnumMap<>(EventKind.class);
        detectors.put(EventKind.CART, new CartDetector(query, rules));
        detectors.put(EventKind.CHECKOUT, new CheckoutDetector(query, rules));
        detectors.put(EventKind.PURCHASE, new PurchaseDetector(query, rules,
                settings.flag("sync.purchases-require-consent", false),
                "max-age".equals(settings.text("sync.purchases-start", "latest"))));

        Optional<String> storeUrl = settings.optional("opencart.store-url");
        Set<Integer> saleStatuses = statusList(settings.text("sync.purchase-statuses", ""));

        DeliveryLedger ledger = new DeliveryLedger(service, clock,
                Duration.ofMinutes(settings.integer("sync.claim-lease-minutes", 10)));
        ErrorStore errors = new ErrorStore(service, ledger);
        RunHistory history = new RunHistory(service, clock);
        boolean dryRun = settings.flag("sync.dry-run", false);
        FailureClassifier classifier = new FailureClassifier(
                settings.integer("sendpulse.retry.max-attempts", 5),
                Duration.ofSeconds(settings.integer("sendpulse.retry.rate-limit-budget-seconds",
                        300)), clock);
        DryRunWriter dryRunWriter = new DryRunWriter(
                Path.of(settings.text("sync.dry-run-file", "dry-run.jsonl")), clock);

        Map<EventKind, String> eventNames = new EnumMap<>(EventKind.class);
        Map<EventKind, Long> automationIds = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            eventNames.put(kind, settings.text("sendpulse.event." + kind.keyPrefix(),
                    kind.defaultEvent()));
            settings.optional("sendpulse.automation-id." + kind.keyPrefix())
                    .ifPresent(id -> automationIds.put(kind, Long.parseLong(id)));
        }
        EventPayload payload = new EventPayload(FieldNames.from(key ->
                context.getPropertiesComponent().resolveProperty(key)), automationIds);

        bind(context, "shopDataSource", shop);
        bind(context, "serviceDataSource", service);
        bind(context, "ledger", ledger);
        bind(context, "errorStore", errors);
        bind(context, "runHistory", history);
        bind(context, "failureClassifier", classifier);
        bind(context, "sendPulseAuth", new SendPulseAuth(tokens(settings, clock, dryRun),
                new RateLimiter(settings.decimal("sendpulse.rate-limit", 10))));
        bind(context, "deliveries", new Deliveries(ledger, errors, classifier, dryRunWriter));
        bind(context, "poller", new Poller(detectors,
                () -> ShopSnapshot.load(query, storeUrl, saleStatuses), ledger,
                new CursorStore(service, clock), payload, eventNames, history, dryRun, clock));
    }

    private static TokenProvider tokens(Settings settings, Clock clock, boolean dryRun) {
        Optional<String> apiKey = settings.optional("sendpulse.api-key");
        if (apiKey.isPresent()) {
            return TokenProvider.apiKey(apiKey.get());
        }
        String clientId = dryRun ? settings.text("sendpulse.client-id", "")
                : settings.required("sendpulse.client-id");
        String secret = dryRun ? settings.text("sendpulse.client-secret", "")
                : settings.required("sendpulse.client-secret");
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
        config.setPassword(settings.text("opencart.db.password", ""));
        // The service only reads the shop: a read-only session makes the driver refuse writes.
        config.setReadOnly(true);
        config.setMaximumPoolSize(settings.integer("opencart.db.pool-size", 4));
        config.addDataSourceProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        config.addDataSourceProperty("characterEncoding", "UTF-8");
        return new HikariDataSource(config);
    }

    private static HikariDataSource serviceDataSource(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("service");
        config.setJdbcUrl(settings.optional("service.db.url")
                .orElseGet(() -> settings.required("opencart.db.url")));
        config.setUsername(settings.optional("service.db.user")
                .orElseGet(() -> settings.text("opencart.db.user", "")));
        config.setPassword(settings.optional("service.db.password")
                .orElseGet(() -> settings.text("opencart.db.password", "")));
        config.setMaximumPoolSize(settings.integer("service.db.pool-size", 8));
        config.addDataSourceProperty("characterEncoding", "UTF-8");
        return new HikariDataSource(config);
    }

    private static void migrate(DataSource service) {
        // The service's tables may share a schema with the shop; baseline below version 1 so
        // that the first migration still runs there.
        Flyway.configure().dataSource(service).table("sync_schema_history")
                .locations("classpath:db/migration").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }

    private static Set<Integer> statusList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void bind(CamelContext context, String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    private static void closeOnStop(CamelContext context, HikariDataSource... pools) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    Arrays.stream(pools).forEach(HikariDataSource::close);
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
