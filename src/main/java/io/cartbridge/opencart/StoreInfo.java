package io.cartbridge.opencart;

import java.util.Set;

/**
 * What the service needs to know of one store: its name and URL, its default currency and
 * language, whether SEO URLs are on, and which order statuses count as a sale. OpenCart 4
 * names the language in its links; 3.0 does not. Guests shop in the default customer group.
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
        Set<Integer> saleStatuses,
        boolean languageInUrls,
        int guestGroup) {

    /** The link that brings a shopper back to the cart. */
    public String cartUrl() {
        return url + "index.php?route=checkout/cart" + languageParameter();
    }

    /** The product page without SEO URLs. */
    public String productRoute(int productId) {
        return url + "index.php?route=product/product" + languageParameter() + "&product_id="
                + productId;
    }

    private String languageParameter() {
        return languageInUrls && !languageCode.isEmpty() ? "&language=" + languageCode : "";
    }
}
