-- What the history filters on besides the decision: the outlook's verdict (how the real review is likely to
-- go) and how sure the reading was. Older records have neither.
ALTER TABLE decision_record ADD COLUMN verdict VARCHAR(20);
ALTER TABLE decision_record ADD COLUMN confidence VARCHAR(8);
CREATE INDEX decision_record_verdict ON decision_record (verdict, decided_at);
CREATE INDEX decision_record_confidence ON decision_record (confidence, decided_at);
