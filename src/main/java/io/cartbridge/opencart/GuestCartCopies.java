package io.cartbridge.opencart;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The service's own copy of guest carts whose shopper typed an email, kept because OpenCart
 * deletes guest cart lines before they could count as abandoned.
 */
public interface GuestCartCopies {

    /**
     * One guest cart as last seen.
     *
     * @param cartId a fingerprint of the session and the store; never the session id itself
     * @param firstSeen store time of the cart's first line
     * @param lastChange store time of the cart's newest line
     */
    record Copy(String cartId, int storeId, String email, String firstName, String lastName,
                String telephone, String currency, String fingerprint, List<ProductLine> lines,
                LocalDateTime firstSeen, LocalDateTime lastChange) {
    }

    /** Keeps a copy, replacing the one of the same cart; the first sight is kept. */
    void save(Copy copy);

    /** Copies whose cart has not changed since {@code idleBefore}, and not before notBefore. */
    List<Copy> idle(LocalDateTime idleBefore, LocalDateTime notBefore);

    /** Drops copies of carts that last changed before the given time. */
    void forget(LocalDateTime before);
}
