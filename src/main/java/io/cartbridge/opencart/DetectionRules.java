package io.cartbridge.opencart;

/**
 * The rules every detector applies.
 *
 * @param idleMinutes how long a cart or checkout must be idle before it counts as abandoned
 * @param maxAgeDays activity older than this is never sent
 * @param requireConsent cart and checkout events only for customers with newsletter = 1
 * @param maxProducts how many product lines an event lists; totals always count every line
 * @param pageSize how many purchase history ids one poll reads at most
 */
public record DetectionRules(int idleMinutes, int maxAgeDays, boolean requireConsent,
                             int maxProducts, int pageSize) {

    /** An order confirmed this long before a cart's first line still ends that cart. */
    public static final int ORDER_BEFORE_CART_TOLERANCE_MINUTES = 10;
}
