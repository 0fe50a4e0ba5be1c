-- Tenants, their users, refresh-token families, the audit trail and the token-signing keys.
CREATE TABLE tenants (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE users (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    email text NOT NULL,
    username text NOT NULL,
    normalized_username text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL,
    failed_login_count integer NOT NULL DEFAULT 0,
    locked_until timestamptz NULL,
    disabled_at timestamptz NULL,
    last_login_at timestamptz NULL,
    created_at timestamptz NOT NULL
);
-- Login names only an email, so emails are unique across tenants; usernames only within one.
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_tenant_username_key ON users (tenant_id, normalized_username);

CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    user_id uuid NOT NULL REFERENCES users (id),
    family_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    access_token_id text NOT NULL,
    access_token_expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL,
    revoked_at timestamptz NULL
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_access_token_idx ON refresh_tokens (access_token_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE audit_log (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    action text NOT NULL,
    actor_id uuid NULL,
    user_id uuid NULL,
    ip text NULL,
    user_agent text NULL,
    detail text NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX audit_log_tenant_created_idx ON audit_log (tenant_id, created_at DESC, id DESC);

CREATE TABLE signing_keys (
    key_id text PRIMARY KEY,
    public_key bytea NOT NULL,
    private_key_ciphertext bytea NOT NULL,
    created_at timestamptz NOT NULL
);
