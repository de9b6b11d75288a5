-- Checkpoints become signed tree heads (RFC 9162): the Merkle root of the first seq entries, and the C2SP checkpoint
-- note whose signature the row carries. Rows from before keep both null: they signed the chain's head alone, and
-- verify as they did.
alter table evidence_checkpoint add column root_hash char(64), add column note text;
