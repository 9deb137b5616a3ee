-- Every report and step paid for the upkeep of an index on the reply deadline; the overdue list it served is read within
-- a subtree or a department, whose own indexes find the rows.
DROP INDEX issues_reply_due;
