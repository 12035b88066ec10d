package io.cartbridge.opencart;

/** Why a detected item is not sent. The label is what logs, summaries and the ledger show. */
public enum SkipReason {
    NO_EMAIL("no email"),
    INVALID_EMAIL("invalid email"),
    NO_CONTACT("no contact"),
    CUSTOMER_EMAIL("email of a registered customer"),
    NO_CONSENT("no consent"),
    CUSTOMER_DISABLED("customer disabled"),
    CUSTOMER_MISSING("customer deleted"),
    ALREADY_BOUGHT("already bought"),
    SUPERSEDED("newer checkout"),
    HAS_HISTORY("order has status history"),
    NO_PRODUCTS("no products"),
    SALE_BEFORE("sale recorded before"),
    COOL_DOWN("cool-down");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
