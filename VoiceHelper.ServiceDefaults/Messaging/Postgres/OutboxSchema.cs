namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// The outbox and inbox tables in a service's own database. The statement trigger notifies the relay on
/// commit only (NOTIFY is transactional), for raw SQL and EF Core writers alike.
/// </summary>
internal sealed class OutboxSchema(OutboxDataSource database)
{
    public const string Channel = "outbox_messages";
    private const long LockKey = 0x6F75_7462_6F78_5F73; // "outbox_s"

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS outbox_messages (
            seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id       uuid NOT NULL,
            topic          text NOT NULL,
            key            text NOT NULL,
            type           text NOT NULL,
            tenant_id      uuid NOT NULL,
            occurred_at    timestamptz NOT NULL,
            traceparent    text,
            schema_version int NOT NULL,
            payload        jsonb NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS inbox_messages (
            consumer_group text NOT NULL,
            event_id       uuid NOT NULL,
            processed_at   timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (consumer_group, event_id));
        CREATE INDEX IF NOT EXISTS inbox_messages_processed_at ON inbox_messages (processed_at);
        CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('outbox_messages', '');
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
            FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
        """;

    private readonly SchemaInstaller _installer = new(database.DataSource, Sql, LockKey);

    public Task EnsureAsync(CancellationToken cancellationToken) => _installer.EnsureAsync(cancellationToken);
}
