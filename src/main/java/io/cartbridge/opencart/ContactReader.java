package io.cartbridge.opencart;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Builds contacts from shop rows: trims and decodes names, reads phones into E.164. */
public final class ContactReader {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactReader() {
    }

    public static Contact contact(int customerId, String email, String telephone,
                                  String firstName, String lastName, boolean newsletter,
                                  String phoneRegion) {
        return new Contact(customerId, email == null ? "" : email.trim(),
                phone(telephone, phoneRegion), clean(firstName), clean(lastName), newsletter);
    }

    /** The phone in E.164 form, or null when the text is not a valid number. */
    public static String phone(String text, String region) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(text.trim(), region == null ? "ZZ" : region);
            return PHONES.isValidNumber(number)
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String clean(String text) {
        return text == null ? "" : ShopSnapshot.decode(text.trim());
    }
}
