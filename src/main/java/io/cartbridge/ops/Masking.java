package io.cartbridge.ops;

/** Hides personal data and secrets in what the service logs and shows. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first letter and the domain: {@code a***@example.test}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "(none)";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** Shows that a secret is set without showing any of it. */
    public static String secret(String secret) {
        return secret == null || secret.isEmpty() ? "(not set)" : "******";
    }
}
