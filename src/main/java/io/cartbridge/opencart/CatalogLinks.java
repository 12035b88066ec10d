package io.cartbridge.opencart;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Absolute product and image URLs for one batch of products: the SEO keyword of the store and
 * language when the store has SEO URLs on, and the plain route otherwise.
 */
public final class CatalogLinks {

    private final Map<String, String> keywords;

    private CatalogLinks(Map<String, String> keywords) {
        this.keywords = keywords;
    }

    /** Reads the SEO keywords of the given products in one query. */
    public static CatalogLinks load(ShopQuery query, Collection<Integer> productIds) {
        Map<String, String> keywords = new HashMap<>();
        if (!productIds.isEmpty()) {
            List<String> queries = productIds.stream().distinct()
                    .map(id -> "product_id=" + id).toList();
            query.list("seo-keywords", Map.of("queries", queries), row -> {
                keywords.put(slot(row.getInt("store_id"), row.getInt("language_id"),
                        row.getString("query")), row.getString("keyword"));
                return null;
            });
        }
        return new CatalogLinks(keywords);
    }

    public String productUrl(StoreInfo store, int productId) {
        if (productId <= 0) {
            return null;
        }
        if (store.seoUrls()) {
            String keyword = keywords.get(slot(store.storeId(), store.languageId(),
                    "product_id=" + productId));
            if (keyword != null && !keyword.isBlank()) {
                return store.url() + keyword;
            }
        }
        return store.url() + "index.php?route=product/product&product_id=" + productId;
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

    private static String slot(int storeId, int languageId, String query) {
        return storeId + "/" + languageId + "/" + query;
    }
}
