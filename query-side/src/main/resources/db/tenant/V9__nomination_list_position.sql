-- The place a person has in their nominator's list (1 = first), so that the nominator's form shows the list
-- in the order they chose; rows from before this column keep 0 and fall back to the earlier order.
ALTER TABLE nomination ADD COLUMN list_position INT NOT NULL DEFAULT 0;
