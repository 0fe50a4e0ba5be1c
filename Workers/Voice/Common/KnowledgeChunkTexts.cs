using Npgsql;
using VoiceHelper.Contracts;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// The indexed text of one knowledge base, read-only from knowledgedb (decision 0020: a background build has no
/// caller's token for Knowledge's API, and that API has no way to list chunk text).
/// </summary>
public sealed class KnowledgeChunkTexts(IConfiguration configuration)
{
    /// <summary>The chunks of the tenant's <paramref name="knowledgeBaseIds"/> (one or several), at most <paramref name="maxChunks"/>.</summary>
    public async Task<List<string>> ReadAsync(Guid tenantId, IReadOnlyList<Guid> knowledgeBaseIds, int maxChunks, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString(ResourceNames.KnowledgeDb)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.KnowledgeDb} is not set: the knowledge base's text cannot be read.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT text FROM chunks WHERE tenant_id = $1 AND knowledge_base_id = ANY($2) ORDER BY knowledge_base_id, document_id, ordinal LIMIT $3", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = knowledgeBaseIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = maxChunks });
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
