package io.cartbridge.opencart;

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

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
