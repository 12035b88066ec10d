package io.cartbridge.opencart;

import java.util.regex.Pattern;

/**
 * The person an event is about. The phone is in E.164 form, or null when the shop's free text
 * could not be read as a number.
 */
public record Contact(
        int customerId,
        String email,
        String phone,
        String firstName,
        String lastName,
        boolean newsletter) {

    /**
     * One @, no spaces or characters that cannot stand unquoted in an address, and a dot in
     * the domain: OpenCart checks emails at its forms, but orders from the admin or an import
     * may hold anything.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]+");

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** Whether the email could be an address SendPulse can write to. */
    public boolean hasValidEmail() {
        return validEmail(email);
    }

    public static boolean validEmail(String email) {
        return email != null && ADDRESS.matcher(email).matches();
    }
}
