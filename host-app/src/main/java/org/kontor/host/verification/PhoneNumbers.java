package org.kontor.host.verification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mobile numbers as customers write them ({@code 20 12 34 56}, {@code +45 20123456}, {@code 0045-20123456}), read with
 * libphonenumber's offline metadata in the customer's country and brought to E.164 ({@code +4520123456}). Only a
 * valid number that can be a mobile phone's is taken: a text message cannot reach a fixed line.
 */
public final class PhoneNumbers {

    private static final Set<PhoneNumberUtil.PhoneNumberType> MOBILE = Set.of(PhoneNumberUtil.PhoneNumberType.MOBILE,
            PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberUtil.PhoneNumberType.PERSONAL_NUMBER);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * The number in E.164 form; empty when it is not a valid mobile number.
     *
     * @param defaultRegion the ISO 3166 country a number without {@code +} is read in (the customer's)
     */
    public Optional<String> mobile(String written, String defaultRegion) {
        if (written == null || written.isBlank() || written.length() > 40) {
            return Optional.empty();
        }
        String region = defaultRegion == null ? "ZZ" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        String text = written.strip();
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        try {
            PhoneNumber number = util.parse(text, region);
            if (!util.isValidNumber(number) || !MOBILE.contains(util.getNumberType(number))) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number as people read it ({@code +45 20 12 34 56}), for pages. */
    public String international(String e164) {
        try {
            return util.format(util.parse(e164, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
