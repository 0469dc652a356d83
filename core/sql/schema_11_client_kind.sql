-- A kind of key client read from an uploaded column (image maker, expert); added
-- to databases created before the column existed.
ALTER TABLE lines ADD COLUMN IF NOT EXISTS client_kind VARCHAR;
