package io.cartbridge.opencart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.commons.text.StringEscapeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's settings, stores, currencies and status names, read once per poll so that a
 * change in the shop's admin takes effect at the next poll.
 */
public final class ShopSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(ShopSnapshot.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZoneId zone;
    private final Map<Integer, StoreInfo> stores;
    private final Map<String, Currency> currencies;
    private final Map<Integer, Map<Integer, String>> statusNames;
    private final ToLongFunction<Instant> historyFloor;

    ShopSnapshot(ZoneId zone, Map<Integer, StoreInfo> stores, Map<String, Currency> currencies,
                 Map<Integer, Map<Integer, String>> statusNames,
                 ToLongFunction<Instant> historyFloor) {
        this.zone = zone;
        this.stores = stores;
        this.currencies = currencies;
        this.statusNames = statusNames;
        this.historyFloor = historyFloor;
    }

    /**
     * The same snapshot, with a way to tell, for a moment, an {@code order_history_id} below
     * every status change made since then (0 when unknown).
     */
    public ShopSnapshot withHistoryFloor(ToLongFunction<Instant> floor) {
        return new ShopSnapshot(zone, stores, currencies, statusNames, floor);
    }

    /**
     * An {@code order_history_id} below every status change dated at or after the given store
     * time, or 0. OpenCart has no index on {@code order_history.order_id}: a look-up of some
     * orders' history reads the ids above this instead of the whole table.
     */
    public long historyFloor(LocalDateTime since) {
        return historyFloor.applyAsLong(since.atZone(zone).toInstant());
    }

    /** Reads the snapshot. Sale statuses come from the store unless overridden. */
    public static ShopSnapshot load(ShopQuery query, Optional<String> storeZeroUrl,
                                    Set<Integer> saleStatusOverride) {
        Map<Integer, Map<String, String>> settings = new HashMap<>();
        query.list("settings", Map.of(), row -> {
            settings.computeIfAbsent(row.getInt("store_id"), id -> new HashMap<>())
                    .put(row.getString("key"), row.getString("value"));
            return null;
        });
        Map<String, String> defaults = settings.getOrDefault(0, Map.of());

        Map<String, Integer> languages = new HashMap<>();
        query.list("languages", Map.of(), row -> {
            languages.put(row.getString("code"), row.getInt("language_id"));
            return null;
        });

        Map<String, Currency> currencies = new HashMap<>();
        query.list("currencies", Map.of(), row -> {
            String code = row.getString("code");
            currencies.put(code, new Currency(code, decimalPlaces(row.getString("decimal_place")),
                    Optional.ofNullable(row.getBigDecimal("value")).orElse(BigDecimal.ONE)));
            return null;
        });

        Map<Integer, Map<Integer, String>> statusNames = new HashMap<>();
        query.list("order-statuses", Map.of(), row -> {
            statusNames.computeIfAbsent(row.getInt("order_status_id"), id -> new HashMap<>())
                    .put(row.getInt("language_id"), decode(row.getString("name")));
            return null;
        });

        Map<Integer, String[]> storeRows = new HashMap<>();
        query.list("stores", Map.of(), row -> {
            storeRows.put(row.getInt("store_id"), new String[] {
                row.getString("name"), row.getString("url"), row.getString("secure_url")});
            return null;
        });

        Set<String> countryIds = new LinkedHashSet<>();
        settings.values().forEach(values -> Optional.ofNullable(values.get("config_country_id"))
                .ifPresent(countryIds::add));
        Map<String, String> countries = new HashMap<>();
        query.list("countries", Map.of("country_ids", List.copyOf(countryIds)), row -> {
            countries.put(row.getString("country_id"), row.getString("iso_code_2"));
            return null;
        });

        String zeroUrl = storeZeroUrl.orElseGet(() -> query.list("recent-store-url", Map.of(),
                row -> row.getString("store_url")).stream().findFirst().orElse(""));

        Map<Integer, StoreInfo> stores = new HashMap<>();
        Set<Integer> storeIds = new LinkedHashSet<>(storeRows.keySet());
        storeIds.add(0);
        for (int storeId : storeIds) {
            Map<String, String> merged = new HashMap<>(defaults);
            merged.putAll(settings.getOrDefault(storeId, Map.of()));
            String[] row = storeRows.get(storeId);
            String name = row != null ? row[0] : merged.getOrDefault("config_name", "");
            String url = row != null ? firstNonBlank(row[2], row[1]) : zeroUrl;
            String languageCode = merged.getOrDefault("config_language",
                    merged.getOrDefault("config_language_catalog", ""));
            Set<Integer> sale = new LinkedHashSet<>(saleStatusOverride.isEmpty()
                    ? union(merged.get("config_processing_status"),
                            merged.get("config_complete_status"))
                    : saleStatusOverride);
            // A voided or fraud-held order is never a sale, whatever the lists say.
            sale.removeAll(union(merged.get("config_void_status_id"),
                    merged.get("config_fraud_status_id")));
            stores.put(storeId, new StoreInfo(storeId, decode(name), withSlash(url),
                    merged.getOrDefault("config_currency", "USD"),
                    languages.getOrDefault(languageCode, 1), languageCode,
                    "1".equals(merged.get("config_seo_url")),
                    countries.get(merged.get("config_country_id")), Set.copyOf(sale),
                    query.catalog().languageInUrls(),
                    integer(merged.get("config_customer_group_id"), 1)));
        }
        return new ShopSnapshot(zone(defaults.get("config_timezone")), stores, currencies,
                statusNames, since -> 0);
    }

    /** The store's time zone, in which OpenCart writes every date except session expiry. */
    public ZoneId zone() {
        return zone;
    }

    public StoreInfo store(int storeId) {
        StoreInfo store = stores.get(storeId);
        return store != null ? store : stores.get(0);
    }

    /** Every status that counts as a sale in at least one store. */
    public Set<Integer> anySaleStatus() {
        return stores.values().stream().flatMap(store -> store.saleStatuses().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Currency currency(String code) {
        Currency currency = code == null ? null : currencies.get(code);
        return currency != null ? currency
                : new Currency(code == null ? "" : code, 2, BigDecimal.ONE);
    }

    public boolean hasCurrency(String code) {
        return currencies.containsKey(code);
    }

    public String statusName(int statusId, int languageId) {
        Map<Integer, String> names = statusNames.getOrDefault(statusId, Map.of());
        String name = names.get(languageId);
        return name != null ? name : names.values().stream().findFirst().orElse("");
    }

    /** Decodes the HTML entities that OpenCart stores in names and free text. */
    public static String decode(String text) {
        return text == null ? null : StringEscapeUtils.unescapeHtml4(text);
    }

    private static Set<Integer> union(String... jsonLists) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (String json : jsonLists) {
            if (json == null || json.isBlank()) {
                continue;
            }
            try {
                JSON.readValue(json, new TypeReference<List<Object>>() { })
                        .forEach(id -> ids.add(Integer.parseInt(id.toString().trim())));
            } catch (Exception e) {
                Arrays.stream(json.split(",")).map(String::trim).filter(s -> s.matches("\\d+"))
                        .forEach(s -> ids.add(Integer.parseInt(s)));
            }
        }
        return ids;
    }

    private static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.trim());
        } catch (DateTimeException e) {
            LOG.warn("The store time zone '{}' is not known; reading shop dates as UTC", name);
            return ZoneOffset.UTC;
        }
    }

    private static int integer(String text, int fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int decimalPlaces(String text) {
        try {
            return text == null || text.isBlank() ? 2 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private static String firstNonBlank(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    private static String withSlash(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
