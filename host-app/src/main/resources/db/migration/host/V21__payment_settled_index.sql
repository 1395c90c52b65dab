-- The operator's payment summary (PAY-1) counts a settled payment in the period it was settled in.
CREATE INDEX payment_settled ON payment (settled_at);
