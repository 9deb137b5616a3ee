-- What each unit is at its level (a township, a village, a compound branch, a villagers' group …), kept in its history too.
-- Units and history rows take the kind their level and published name say: 镇/乡 are townships, 村委会 villages.
ALTER TABLE org_units ADD COLUMN kind SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE org_unit_history ADD COLUMN kind SMALLINT NOT NULL DEFAULT 0;
UPDATE org_units SET kind = CASE level
    WHEN 1 THEN 1
    WHEN 2 THEN CASE WHEN name LIKE '%镇' OR name LIKE '%乡' THEN 3 ELSE 2 END
    WHEN 3 THEN CASE WHEN name LIKE '%村委会' OR name LIKE '%村民委员会' THEN 5 ELSE 4 END
    WHEN 4 THEN 6
    ELSE 8 END;
UPDATE org_unit_history SET kind = CASE level
    WHEN 1 THEN 1
    WHEN 2 THEN CASE WHEN name LIKE '%镇' OR name LIKE '%乡' THEN 3 ELSE 2 END
    WHEN 3 THEN CASE WHEN name LIKE '%村委会' OR name LIKE '%村民委员会' THEN 5 ELSE 4 END
    WHEN 4 THEN 6
    ELSE 8 END;
