-- What each party member is in the household links: 1 ordinary, 2 a central household (党员中心户) serving more households.
ALTER TABLE party_members ADD COLUMN kind SMALLINT NOT NULL DEFAULT 1;
