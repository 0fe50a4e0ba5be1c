-- A widget key names the knowledge bases its visitors may ask; their visitor tokens carry them, and Conversations
-- uses them for every visitor's conversation whatever the widget sends. Keys made before this have none until recreated.
ALTER TABLE widget_keys ADD COLUMN IF NOT EXISTS knowledge_base_ids uuid[] NOT NULL DEFAULT '{}';
