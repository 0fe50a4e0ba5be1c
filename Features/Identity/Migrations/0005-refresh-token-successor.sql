-- A rotated refresh token remembers its successor for the reuse grace (decision 0022): the successor's id, and the
-- pair issued for it, encrypted under a key derived from the rotated token itself, which this database never holds.
ALTER TABLE refresh_tokens ADD COLUMN IF NOT EXISTS successor_id uuid NULL;
ALTER TABLE refresh_tokens ADD COLUMN IF NOT EXISTS successor bytea NULL;
