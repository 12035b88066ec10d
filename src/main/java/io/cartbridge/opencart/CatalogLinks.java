package io.cartbridge.opencart;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Absolute product and image URLs for one batch of products: the SEO keyword of the store and
 * language when the store has SEO URLs on, and the plain route otherwise.
 */
public final class CatalogLinks {

    private record Keyword(int sortOrder, String text) {
    }

    private final Map<String, Keyword> keywords;

    private CatalogLinks(Map<String, Keyword> keywords) {
        this.keywords = keywords;
    }

    /** Reads the SEO keywords of the given products in one query. */
    public static CatalogLinks load(ShopQuery query, Collection<Integer> productIds) {
        Map<String, Keyword> keywords = new HashMap<>();
        if (!productIds.isEmpty()) {
            List<Integer> ids = productIds.stream().distinct().toList();
            query.list("seo-keywords", Map.of("product_ids", ids,
                    "queries", ids.stream().map(id -> "product_id=" + id).toList()), row -> {
                        keywords.put(slot(row.getInt("store_id"), row.getInt("language_id"),
                                row.getString("query_key"), row.getString("query_value")),
                                new Keyword(row.getInt("sort_order"), row.getString("keyword")));
                        return null;
                    });
        }
        return new CatalogLinks(keywords);
    }

    /**
     * The product page: with SEO URLs on and a keyword for the product, the keywords of the
     * language, the route (4.x) and the product joined in their sort order; otherwise the
     * plain route.
     */
    public String productUrl(StoreInfo store, int productId) {
        if (productId <= 0) {
            return null;
        }
        Keyword product = keyword(store, "product_id", String.valueOf(productId));
        if (!store.seoUrls() || product == null) {
            return store.productRoute(productId);
        }
        List<Keyword> parts = new ArrayList<>();
        parts.add(product);
        if (store.languageInUrls()) {
            Optional.ofNullable(keyword(store, "language", store.languageCode()))
                    .ifPresent(parts::add);
            Optional.ofNullable(keyword(store, "route", "product/product")).ifPresent(parts::add);
        }
        parts.sort(Comparator.comparingInt(Keyword::sortOrder));
        return store.url() + parts.stream().map(Keyword::text).collect(Collectors.joining("/"));
    }

    /** The original image under the store's image/ folder; resized copies may not exist yet. */
    public static String imageUrl(StoreInfo store, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String clean = path.startsWith("/") ? path.substring(1) : path;
        try {
            return store.url() + new URI(null, null, "image/" + clean, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private Keyword keyword(StoreInfo store, String key, String value) {
        Keyword keyword = keywords.get(slot(store.storeId(), store.languageId(), key, value));
        return keyword == null || keyword.text() == null || keyword.text().isBlank()
                ? null : keyword;
    }

    private static String slot(int storeId, int languageId, String key, String value) {
        return storeId + "/" + languageId + "/" + key + "=" + value;
    }
}
