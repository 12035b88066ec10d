package io.cartbridge.opencart;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A shop currency: its code and decimal places, and its rate against the default currency. */
public record Currency(String code, int decimalPlaces, BigDecimal rate) {

    /** Converts an amount in the default currency at the given rate, rounded the currency's way. */
    public BigDecimal convert(BigDecimal defaultAmount, BigDecimal atRate) {
        return round(defaultAmount.multiply(atRate));
    }

    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(decimalPlaces, RoundingMode.HALF_UP);
    }
}
