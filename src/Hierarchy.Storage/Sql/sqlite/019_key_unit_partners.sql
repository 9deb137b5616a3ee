-- 三个一: each key unit's county-level leader and red-collar secretary (with work phones) and county department; empty when none.
ALTER TABLE key_units ADD COLUMN leader_name TEXT NOT NULL DEFAULT '';
ALTER TABLE key_units ADD COLUMN leader_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE key_units ADD COLUMN secretary_name TEXT NOT NULL DEFAULT '';
ALTER TABLE key_units ADD COLUMN secretary_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE key_units ADD COLUMN department_code TEXT NOT NULL DEFAULT '';
