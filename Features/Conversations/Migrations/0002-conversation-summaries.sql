-- The rolling summary of the turns that have left the context window (only written when a summary model is
-- configured). summary_through is the sequence of the newest message folded into it: the context window never
-- takes a message at or below it, and the next summary starts after it, so no message is summarised twice.
ALTER TABLE conversations
    ADD COLUMN summary text NULL,
    ADD COLUMN summary_through bigint NOT NULL DEFAULT 0;
