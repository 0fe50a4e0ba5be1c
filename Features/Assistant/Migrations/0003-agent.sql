-- The agent's per-tenant network allow-list: hosts http_get and MCP servers may reach. allow_private lets a host resolve
-- to a private, loopback or link-local address (an intranet service); without it such an address is refused.
CREATE TABLE IF NOT EXISTS agent_allowed_hosts (
    tenant_id uuid NOT NULL,
    host text NOT NULL,
    allow_private boolean NOT NULL,
    PRIMARY KEY (tenant_id, host)
);

-- MCP servers a tenant registered; their tools are offered to the agent as <name>__<tool>.
CREATE TABLE IF NOT EXISTS agent_mcp_servers (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);

-- Finished agent runs, as the API answered them (GET /api/v1/agent/tasks/{task_id}).
CREATE TABLE IF NOT EXISTS agent_tasks (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    user_id uuid NULL,
    task text NOT NULL,
    status text NOT NULL,
    run jsonb NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS agent_tasks_tenant_time ON agent_tasks (tenant_id, created_at);
