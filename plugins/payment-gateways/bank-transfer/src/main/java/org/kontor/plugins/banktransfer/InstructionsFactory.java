package org.kontor.plugins.banktransfer;

import org.kontor.api.settings.Settings;
import org.kontor.plugins.banktransfer.matching.Payment;
import org.kontor.plugins.banktransfer.reference.ConstantSymbol;
import org.kontor.plugins.banktransfer.reference.PaymentReference;

/** Makes a payment's instructions from the operator's current account settings. */
public final class InstructionsFactory {

    private final Settings settings;

    public InstructionsFactory(Settings settings) {
        this.settings = settings;
    }

    public Instructions of(Payment payment) {
        String holder = settings.require(BankTransferSettings.HOLDER);
        String iban = BankTransferSettings.compact(settings.require(BankTransferSettings.IBAN));
        String bic = settings.get(BankTransferSettings.BIC).map(BankTransferSettings::compact).filter(b -> !b.isEmpty())
                .orElse(null);
        ConstantSymbol constant = payment.reference().scheme() == PaymentReference.Scheme.VARIABLE_SYMBOL
                ? BankTransferSettings.constantSymbol(settings).orElse(null) : null;
        String qr = PaymentQr.payload(holder, iban, bic, payment.amount(), payment.reference(), constant).orElse(null);
        return new Instructions(payment.id(), holder, iban, bic, settings.get(BankTransferSettings.BANK_NAME).orElse(null),
                payment.amount(), payment.reference(), constant, qr);
    }
}
