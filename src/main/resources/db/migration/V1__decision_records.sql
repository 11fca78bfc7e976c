-- Every decision, stored before it is returned. Portable between H2 and PostgreSQL.
CREATE TABLE decision_record (
    decision_id   VARCHAR(36)     PRIMARY KEY,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    mode          VARCHAR(10)     NOT NULL,   -- PRECHECK (anonymous) or REVIEW (reviewer)
    caller        VARCHAR(100)    NOT NULL,
    api           VARCHAR(64)     NOT NULL,
    decision      VARCHAR(10)     NOT NULL,
    clause        VARCHAR(16),
    app_id        VARCHAR(64),
    categories    VARCHAR(1000)   NOT NULL,   -- '|交通服务-代驾|餐饮-外卖平台|' for filtering
    clauses       VARCHAR(1000)   NOT NULL,   -- '|GL1|GL8|' every clause that concluded
    rules_version VARCHAR(32)     NOT NULL,
    request_json  VARCHAR(200000) NOT NULL,   -- the request as submitted
    decision_json VARCHAR(200000) NOT NULL    -- the decision as returned, with the normalised application
);
CREATE INDEX decision_record_time ON decision_record (decided_at);
CREATE INDEX decision_record_mode_time ON decision_record (mode, decided_at);
