package org.kontor.host.vouchers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;

/** Checks a voucher before it is stored and names every refused field at once (ORD-10). */
final class VoucherValidator {

    /** 2 to 40 letters, digits, hyphens or underscores, starting with a letter or digit (after upper-casing). */
    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");
    static final int DESCRIPTION_LENGTH = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VoucherValidator() {
    }

    static void check(Voucher voucher) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CODE.matcher(voucher.code()).matches()) {
            errors.put("code", "A code is 2 to 40 letters (A-Z), digits, hyphens or underscores, starting with a letter "
                    + "or digit; '" + voucher.code() + "' is not.");
        }
        if (voucher.description() != null && voucher.description().length() > DESCRIPTION_LENGTH) {
            errors.put("description", "A description has at most " + DESCRIPTION_LENGTH + " characters.");
        }
        if (voucher.discount() instanceof Discount.Percent percent) {
            BigDecimal p = percent.percent();
            if (p.signum() <= 0 || p.compareTo(HUNDRED) > 0) {
                errors.put("percent", "A percentage is more than 0 and at most 100, not " + p.toPlainString() + ".");
            } else if (p.scale() > 2) {
                errors.put("percent", "A percentage has at most two decimals, not " + p.toPlainString() + ".");
            }
        } else if (voucher.discount() instanceof Discount.Amount amount && !amount.amount().isPositive()) {
            errors.put("amount", "An amount off must be more than zero, not " + amount.amount().amount().toPlainString() + ".");
        }
        if (voucher.validFrom() != null && voucher.validUntil() != null && !voucher.validUntil().isAfter(voucher.validFrom())) {
            errors.put("validUntil", "The end (" + voucher.validUntil() + ") must come after the start ("
                    + voucher.validFrom() + ").");
        }
        if (voucher.maxUses() != null && voucher.maxUses() < 1) {
            errors.put("maxUses", "A limit of uses is at least 1, not " + voucher.maxUses() + "; leave it out for no limit.");
        }
        if (voucher.maxUsesPerCustomer() != null && voucher.maxUsesPerCustomer() < 1) {
            errors.put("maxUsesPerCustomer", "A limit per customer is at least 1, not " + voucher.maxUsesPerCustomer()
                    + "; leave it out for no limit.");
        }
        if (voucher.maxUses() != null && voucher.maxUsesPerCustomer() != null
                && voucher.maxUsesPerCustomer() > voucher.maxUses()) {
            errors.put("maxUsesPerCustomer", "The limit per customer (" + voucher.maxUsesPerCustomer()
                    + ") cannot be above the limit in all (" + voucher.maxUses() + ").");
        }
        for (String tld : voucher.tlds()) {
            if (!isTld(tld)) {
                errors.put("tlds", "'" + tld + "' is not a TLD in A-label form without the dot, such as dk or xn--p1ai.");
            }
        }
        if (voucher.minimumOrder() != null) {
            if (!voucher.minimumOrder().isPositive()) {
                errors.put("minimumOrder", "A minimum order must be more than zero; leave it out for none.");
            } else if (voucher.discount() instanceof Discount.Amount amount
                    && !amount.amount().currency().equals(voucher.minimumOrder().currency())) {
                errors.put("minimumOrder", "The minimum order must be in the currency of the amount off ("
                        + amount.amount().currencyCode() + "), not " + voucher.minimumOrder().currencyCode() + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw new VoucherValidationException(errors);
        }
    }

    private static boolean isTld(String text) {
        try {
            return Tld.of(text).ascii().equals(text);
        } catch (InvalidDomainNameException e) {
            return false;
        }
    }
}
