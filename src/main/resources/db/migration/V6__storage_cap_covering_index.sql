-- The storage cap sums a client's stored bytes since the start of the day: with stored_bytes in the index the
-- sum is read from the index alone, not from every record of the day.
DROP INDEX decision_record_client_time;
CREATE INDEX decision_record_client_time ON decision_record (client, decided_at, stored_bytes);
