-- Money back on a payment comes as kind REFUND. reversal 1 marks what the provider took back on its own (a
-- chargeback, a lost dispute, a direct debit the debtor's bank returned), with the provider's reason; reversal 0 is
-- a refund the operator made. Both are booked against the invoice or the prepaid account the payment paid.
ALTER TABLE payment ADD COLUMN reversal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payment ADD COLUMN reason TEXT;

-- origin PROVIDER: a request to /hooks/<plugin id>, read by the gateway (signature first). origin PLUGIN:
-- notifications a gateway plugin reported itself (a return file an operator uploaded), stored as their JSON list.
ALTER TABLE webhook_inbox ADD COLUMN origin TEXT NOT NULL DEFAULT 'PROVIDER';
