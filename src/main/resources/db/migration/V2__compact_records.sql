-- Records keep the request once and the decision without what repeats the request (history/CompactDecision).
-- The largest valid application (5 categories, 2,000 characters, one scenario per two characters) compacts
-- to about 100,000 characters of decision; the column leaves room for twice that and more rule output.
ALTER TABLE decision_record ALTER COLUMN decision_json SET DATA TYPE VARCHAR(400000);

-- Who stored it, for the anonymous storage cap: a hash of the client address (anonymous), or the key's name.
ALTER TABLE decision_record ADD COLUMN client VARCHAR(80);
-- UTF-8 bytes of request_json + decision_json, summed per client and day for the cap.
ALTER TABLE decision_record ADD COLUMN stored_bytes INTEGER;
CREATE INDEX decision_record_client_time ON decision_record (client, decided_at);

-- A retried request with the same Idempotency-Key gets its stored answers: the key, the item's place in
-- its batch (0 for a single review) and the SHA-256 of the body it came in.
ALTER TABLE decision_record ADD COLUMN idempotency_key VARCHAR(200);
ALTER TABLE decision_record ADD COLUMN item_index INTEGER;
ALTER TABLE decision_record ADD COLUMN body_hash VARCHAR(64);
CREATE UNIQUE INDEX decision_record_idempotency ON decision_record (client, idempotency_key, item_index);

-- Categories and clauses one per row: any character, '|' included, keeps its boundaries.
CREATE TABLE decision_category (
    decision_id VARCHAR(36)  NOT NULL REFERENCES decision_record (decision_id) ON DELETE CASCADE,
    ordinal     INTEGER      NOT NULL,
    category    VARCHAR(200) NOT NULL,
    PRIMARY KEY (decision_id, ordinal)
);
CREATE INDEX decision_category_name ON decision_category (category);
CREATE TABLE decision_clause (
    decision_id VARCHAR(36)  NOT NULL REFERENCES decision_record (decision_id) ON DELETE CASCADE,
    clause      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (decision_id, clause)
);
CREATE INDEX decision_clause_name ON decision_clause (clause);
