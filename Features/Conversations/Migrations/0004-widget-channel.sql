-- Where a conversation was started: 'user' (a signed-in user, through the API or the console) or 'widget' (an anonymous
-- visitor of a tenant's website; user_id is then the visitor's subject and widget_key_id the key the widget used).
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS channel text NOT NULL DEFAULT 'user';
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS widget_key_id uuid NULL;
CREATE INDEX IF NOT EXISTS conversations_tenant_channel_created_idx ON conversations (tenant_id, channel, created_at DESC, id DESC);
