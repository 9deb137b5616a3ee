-- The district whose units a plan changes: its DistrictTreeGrain applies it. Plans stored before have none.
ALTER TABLE reorganization_plans ADD COLUMN district_id BIGINT;
