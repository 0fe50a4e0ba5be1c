using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>The service's own database, where its outbox and inbox tables live; only the relay uses this pool.</summary>
internal sealed class OutboxDataSource(string connectionString, string name) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = new NpgsqlDataSourceBuilder(connectionString) { Name = $"{name}-outbox" }.Build();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
