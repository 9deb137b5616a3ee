-- The people who run 接诉即办: the dispatch centre's transfers and hand-backs (a chain in force since), replies and same-day
-- explanations to the citizen with their deadlines, and the departments a whistle (吹哨) calls, each to report (报到) in time.
ALTER TABLE issues ADD COLUMN route TEXT;
ALTER TABLE issues ADD COLUMN reply_due_at BIGINT;
ALTER TABLE issues ADD COLUMN explain_by BIGINT;
ALTER TABLE issues ADD COLUMN replied_at BIGINT;
ALTER TABLE issues ADD COLUMN explained_at BIGINT;
ALTER TABLE issues ADD COLUMN improper_whistles INTEGER NOT NULL DEFAULT 0;
-- Issues reported before had a day to reply; the citizen's day ends at midnight China Standard Time (UTC+8).
UPDATE issues SET reply_due_at = reported_at + 86400000,
    explain_by = ((reported_at + 28800000) / 86400000 + 1) * 86400000 - 28800000;
CREATE INDEX issues_reply_due ON issues (reply_due_at) WHERE replied_at IS NULL;

ALTER TABLE issue_events ADD COLUMN departments TEXT;
ALTER TABLE issue_events ADD COLUMN report_by BIGINT;
ALTER TABLE issue_events ADD COLUMN route TEXT;
ALTER TABLE issue_events ADD COLUMN category TEXT;

CREATE TABLE issue_summons (
    issue_id BIGINT NOT NULL REFERENCES issues (id),
    seq INTEGER NOT NULL,
    department TEXT NOT NULL,
    lead SMALLINT NOT NULL,
    summoned_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    checked_in_at BIGINT,
    PRIMARY KEY (issue_id, seq, department)
);
CREATE INDEX issue_summons_department ON issue_summons (department, summoned_at);
