-- The responsibility list (职责清单) is versioned like the tree: each change keeps a whole copy under the tree version it
-- took effect at, so "as of" a time reads the copy in force then. The lists are small; versions are rare.
CREATE TABLE responsibility_lists (
    version INTEGER PRIMARY KEY,
    changed_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    plan_id INTEGER,
    summary TEXT NOT NULL
);

CREATE TABLE responsibility_departments (
    list_version INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (list_version, code)
);

CREATE TABLE responsibility_categories (
    list_version INTEGER NOT NULL,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    class_name TEXT NOT NULL,
    lowest_level INTEGER NOT NULL,
    ceiling_level INTEGER NOT NULL,
    lead_department TEXT NOT NULL,
    cooperating_departments TEXT NOT NULL,
    department_minutes INTEGER NOT NULL,
    reply_minutes INTEGER NOT NULL,
    PRIMARY KEY (list_version, category)
);

CREATE TABLE responsibility_category_limits (
    list_version INTEGER NOT NULL,
    category TEXT NOT NULL,
    level INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    PRIMARY KEY (list_version, category, level)
);

-- Planned like a reorganisation: the admin's files, the diff, then an apply that refuses a list another change moved on.
CREATE TABLE responsibility_plans (
    id INTEGER PRIMARY KEY,
    base_version INTEGER NOT NULL,
    departments_csv TEXT NOT NULL,
    categories_csv TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    applied_version INTEGER,
    applied_at INTEGER,
    applied_by TEXT
);

-- The list as it stood becomes the first version, under the tree version in force now (a day's reply deadline, no classes).
INSERT INTO responsibility_lists (version, changed_at, changed_by, plan_id, summary)
SELECT version, 0, 'migration', NULL, 'the list as it stood before versions were kept' FROM tree_state WHERE id = 1;
INSERT INTO responsibility_departments (list_version, code, name)
SELECT (SELECT version FROM tree_state WHERE id = 1), code, name FROM departments;
INSERT INTO responsibility_categories (list_version, category, name, class_name, lowest_level, ceiling_level, lead_department,
    cooperating_departments, department_minutes, reply_minutes)
SELECT (SELECT version FROM tree_state WHERE id = 1), category, name, '', lowest_level, ceiling_level, department_code, '',
    department_limit_minutes, 1440 FROM responsibility_rules;
INSERT INTO responsibility_category_limits (list_version, category, level, minutes)
SELECT (SELECT version FROM tree_state WHERE id = 1), category, level, limit_minutes FROM responsibility_limits;

DROP TABLE responsibility_limits;
DROP TABLE responsibility_rules;
DROP TABLE departments;
