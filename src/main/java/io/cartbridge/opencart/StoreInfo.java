package io.cartbridge.opencart;

import java.util.Set;

/**
 * What the service needs to know of one store: its name and URL, its default currency and
 * language, whether SEO URLs are on, and which order statuses count as a sale.
 */
public record StoreInfo(
        int storeId,
        String name,
        String url,
        String currency,
        int languageId,
        String languageCode,
        boolean seoUrls,
        String phoneRegion,
        Set<Integer> saleStatuses) {

    /** The link that brings a shopper back to the cart. */
    public String cartUrl() {
        return url + "index.php?route=checkout/cart";
    }
}
