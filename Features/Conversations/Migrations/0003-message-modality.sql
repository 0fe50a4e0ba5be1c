-- How a message was said: 'text' (typed) or 'voice' (spoken in a call; a user message holds the transcript). Rows
-- written before this column existed were all typed.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS modality text NOT NULL DEFAULT 'text';
