package org.kontor.plugins.banktransfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.plugins.banktransfer.reference.ConstantSymbol;
import org.pf4j.Extension;

/**
 * The operator's bank account and options. "Test connection" checks the account: the IBAN's country format and check
 * digits and the BIC (iban4j), the FI creditor number and the currencies.
 */
@Extension
public class BankTransferSettings implements SettingsSchema {

    public static final String HOLDER = "account.holder";
    public static final String IBAN = "account.iban";
    public static final String BIC = "account.bic";
    public static final String BANK_NAME = "bank.name";
    public static final String FI_CREDITOR = "fi.creditor";
    public static final String CURRENCIES = "currencies";
    public static final String DEFAULT_CURRENCIES = "DKK,EUR,CZK";
    public static final String CONSTANT_SYMBOL = "constant-symbol";
    public static final String FOLDER = "statements.folder";

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(HOLDER, "Account holder", true),
                SettingField.text(IBAN, "IBAN", true),
                SettingField.text(BIC, "BIC", false),
                SettingField.text(BANK_NAME, "Bank name", false),
                SettingField.text(FI_CREDITOR, "FI creditor number (+71)", false)
                        .withHelp("8 digits from Nets; Danish payers then quote a +71 payment id for DKK."),
                SettingField.of(CURRENCIES, SettingType.TEXT, "Currencies", true, DEFAULT_CURRENCIES)
                        .withHelp("ISO codes separated by commas, e.g. DKK,EUR,CZK."),
                SettingField.text(CONSTANT_SYMBOL, "Constant symbol (CZK)", false)
                        .withHelp("Four digits shown beside the variable symbol, e.g. 0308 for services; empty for none."),
                SettingField.text(FOLDER, "Statement folder", false)
                        .withHelp("camt.053 and MT940 files put here are imported; imported files move to processed/."));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        List<String> problems = problems(candidate);
        return problems.isEmpty() ? ConnectionTestResult.succeeded("The bank account details are valid.")
                : ConnectionTestResult.failed(String.join(" ", problems));
    }

    /** What is wrong with the account details, in English; empty when they are usable. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        Optional<String> iban = settings.get(IBAN).map(BankTransferSettings::compact);
        if (iban.isEmpty()) {
            problems.add("The IBAN is missing.");
        } else {
            try {
                IbanUtil.validate(iban.get());
            } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
                problems.add("The IBAN is not valid: " + e.getMessage() + ".");
            }
        }
        settings.get(BIC).map(BankTransferSettings::compact).filter(b -> !b.isEmpty()).ifPresent(bic -> {
            try {
                BicUtil.validate(bic);
            } catch (BicFormatException | UnsupportedCountryException e) {
                problems.add("The BIC is not valid: " + e.getMessage() + ".");
            }
        });
        settings.get(FI_CREDITOR).map(String::strip).filter(c -> !c.isEmpty() && !c.matches("\\d{8}"))
                .ifPresent(c -> problems.add("The FI creditor number has 8 digits."));
        settings.get(CONSTANT_SYMBOL).map(String::strip).filter(c -> !c.isEmpty() && !c.matches("\\d{4}"))
                .ifPresent(c -> problems.add("The constant symbol has 4 digits."));
        try {
            currencies(settings);
        } catch (IllegalArgumentException e) {
            problems.add("Unknown currency in the list of currencies.");
        }
        return problems;
    }

    public static Set<Currency> currencies(Settings settings) {
        Set<Currency> currencies = new LinkedHashSet<>();
        Arrays.stream(settings.get(CURRENCIES).orElse(DEFAULT_CURRENCIES).split("[,\\s]+"))
                .map(String::strip).filter(code -> !code.isEmpty())
                .forEach(code -> currencies.add(Currency.getInstance(code.toUpperCase(Locale.ROOT))));
        return currencies;
    }

    public static Optional<ConstantSymbol> constantSymbol(Settings settings) {
        return settings.get(CONSTANT_SYMBOL).map(String::strip).filter(c -> c.matches("\\d{4}")).map(ConstantSymbol::new);
    }

    static String compact(String value) {
        return value.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }
}
