-- A sweeper's claim on a due issue (Unix milliseconds): other sweepers skip it until then, and the issue's next commit clears it.
-- A sweeper that dies mid-sweep leaves claims that lapse, so the issues it did not reach are claimed again.
ALTER TABLE issues ADD COLUMN sweep_claimed_until BIGINT;
