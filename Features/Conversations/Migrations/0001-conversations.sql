-- Conversations, their messages, feedback on answers, and the statistics projection fed by conversation.message_sent.
CREATE TABLE conversations (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    title text NOT NULL,
    kb_ids uuid[] NOT NULL DEFAULT '{}',
    top_k integer NULL,
    use_cache boolean NOT NULL DEFAULT true,
    use_rerank boolean NOT NULL DEFAULT true,
    use_self_rag boolean NOT NULL DEFAULT false,
    context_max_turns integer NOT NULL,
    context_max_tokens integer NOT NULL,
    -- The sequence of the newest message; sends lock the row, so the next message takes last_sequence + 1.
    last_sequence bigint NOT NULL DEFAULT 0,
    -- Bumped by every change of what the context window can see (new message, truncation): the Redis copy
    -- of the context is trusted only when it carries the same version.
    context_version bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz NULL
);
CREATE INDEX conversations_user_idx ON conversations (tenant_id, user_id, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX conversations_tenant_idx ON conversations (tenant_id, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX conversations_deleted_idx ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE messages (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sequence bigint NOT NULL,
    role text NOT NULL,
    content text NOT NULL,
    status text NOT NULL,
    sources jsonb NULL,
    model text NULL,
    tokens_used integer NOT NULL DEFAULT 0,
    latency_ms integer NULL,
    cache_hit boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
-- Two sends can never take the same place in a conversation, even if the row lock were bypassed.
CREATE UNIQUE INDEX messages_conversation_sequence_key ON messages (conversation_id, sequence);

CREATE TABLE message_feedback (
    message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    rating text NOT NULL,
    comment text NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX message_feedback_day_idx ON message_feedback (tenant_id, created_at);

-- One row per tenant and day, maintained by the conversation.message_sent consumer. Latencies are kept as a
-- histogram (see LatencyHistogram) so that p50/p95 over any range are read from a few rows.
CREATE TABLE conversation_stats_daily (
    tenant_id uuid NOT NULL,
    day date NOT NULL,
    conversations integer NOT NULL DEFAULT 0,
    messages integer NOT NULL DEFAULT 0,
    answers integer NOT NULL DEFAULT 0,
    interrupted integer NOT NULL DEFAULT 0,
    tokens bigint NOT NULL DEFAULT 0,
    cache_hits integer NOT NULL DEFAULT 0,
    latency_buckets integer[] NOT NULL,
    PRIMARY KEY (tenant_id, day)
);

-- Which conversations were already counted on a day (a conversation counts once per day).
CREATE TABLE conversation_stats_seen (
    tenant_id uuid NOT NULL,
    day date NOT NULL,
    conversation_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, day, conversation_id)
);
