package io.cartbridge.opencart;

import java.time.LocalDateTime;

/** Finds one kind of item in the shop database. Implementations only read. */
public interface Detector {

    EventKind kind();

    /**
     * Reads the shop.
     *
     * @param shop the settings of this poll
     * @param now the current wall-clock time in the store's zone
     * @param cursor the position of the last poll, or -1 on the first start
     */
    Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor);
}
