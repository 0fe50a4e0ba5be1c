using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Ingestion.Chunk;
using VoiceHelper.Ingestion.Common;
using VoiceHelper.Ingestion.Index;
using VoiceHelper.Ingestion.Parse;
using VoiceHelper.ServiceDefaults.Messaging;
using Wolverine;

namespace VoiceHelper.Ingestion.IngestDocument;

/// <summary>
/// document.uploaded -> parse -> chunk -> embed -> index. Everything visible happens in one final transaction
/// (chunks, postings, status, the follow-on event in Wolverine's outbox), so a crash at any point before it leaves
/// nothing behind and the redelivered event does the whole document again; a redelivery after it finds the document
/// finished under its row lock and does nothing. Retries and dead letters are the bus's policy (EventBus:Topics).
/// </summary>
public sealed class IngestDocumentHandler(NpgsqlDataSource dataSource, DocumentParser parser, KnowledgeEmbedders embedders,
    IOptions<IngestionOptions> options, IOptions<EventBusOptions> busOptions, TimeProvider clock, ILogger<IngestDocumentHandler> logger)
{
    public async Task HandleAsync(DocumentUploaded @event, IMessageContext context, Envelope envelope, CancellationToken cancellationToken)
    {
        var source = await LoadAsync(@event, cancellationToken);
        if (source is null || source.Status is DocumentStatus.Indexed or DocumentStatus.Failed)
        {
            // Deleted meanwhile, or a duplicate delivery of a document already finished.
            return;
        }
        try
        {
            await SetProgressAsync(@event.DocumentId, 5, cancellationToken);
            var parsed = await parser.ParseAsync(source.Content, source.ContentType, cancellationToken);
            if (parsed.Failure is { } failure)
            {
                await FailAsync(@event, context, failure, cancellationToken);
                return;
            }
            var chunks = Chunker.Split(parsed.Blocks, source.ChunkSize, source.ChunkOverlap);
            if (chunks.Count == 0)
            {
                await FailAsync(@event, context, new ParseFailure(ParseFailure.EmptyText, "The document contains no extractable text."), cancellationToken);
                return;
            }
            await SetProgressAsync(@event.DocumentId, 10, cancellationToken);
            var embedded = await EmbedAsync(@event, chunks, cancellationToken);
            await IndexAsync(@event, context, source, chunks, embedded, cancellationToken);
        }
        catch (Exception ex) when (envelope.Attempts >= busOptions.Value.RetryFor(EventTopics.DocumentUploaded).MaxAttempts
                                   && !cancellationToken.IsCancellationRequested)
        {
            // Out of retries: the tenant must see a failed document, not one "processing" forever.
            logger.LogError(ex, "Ingestion of {DocumentId} failed on the last attempt", @event.DocumentId);
            await FailAsync(@event, context, new ParseFailure(ParseFailure.InternalError, "The document could not be processed."), cancellationToken);
        }
    }

    private async Task<IngestDocumentSource?> LoadAsync(DocumentUploaded @event, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT d.status, d.content_type, d.replaces_document_id, k.chunk_size, k.chunk_overlap, c.content
            FROM documents d
            JOIN knowledge_bases k ON k.id = d.knowledge_base_id
            JOIN document_contents c ON c.document_id = d.id
            WHERE d.id = @id AND d.tenant_id = @tenant
            """);
        command.Parameters.AddWithValue("id", @event.DocumentId);
        command.Parameters.AddWithValue("tenant", @event.TenantId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new IngestDocumentSource(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetInt32(3), reader.GetInt32(4), reader.GetFieldValue<byte[]>(5))
            : null;
    }

    /// <summary>
    /// The chunks' vectors by the knowledge base's embedder (chosen with this document's text, decision 0010), and the
    /// knowledge base's statistics they were weighted by (null for a model).
    /// </summary>
    private async Task<IngestDocumentEmbeddings> EmbedAsync(DocumentUploaded @event, List<ChunkDraft> chunks, CancellationToken ct)
    {
        var documentId = @event.DocumentId;
        var texts = chunks.Select(c => c.IndexText).ToList();
        var embedder = await KnowledgeBaseEmbedder.ChooseAsync(dataSource, embedders, @event.KnowledgeBaseId, texts, ct);
        var statistics = await CorpusStatistics.ForAsync(dataSource, embedder, @event.KnowledgeBaseId, texts, textsAreNew: true, ct);
        var batch = options.Value.EmbedBatchSize;
        var vectors = new List<ReadOnlyMemory<float>>(chunks.Count);
        for (var start = 0; start < chunks.Count; start += batch)
        {
            var generated = await embedder.GenerateAsync(texts.Skip(start).Take(batch), statistics?.ToOptions(), ct);
            vectors.AddRange(generated.Select(e => e.Vector));
            // Progress 10..90 across the embedding phase, the longest one with a model server.
            await SetProgressAsync(documentId, 10 + (int)(80L * vectors.Count / chunks.Count), ct);
        }
        return new IngestDocumentEmbeddings(embedder, vectors, statistics);
    }

    private async Task IndexAsync(DocumentUploaded @event, IMessageContext context, IngestDocumentSource source, List<ChunkDraft> chunks,
        IngestDocumentEmbeddings embedded, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The row lock orders us with a concurrent delete: either the delete waits and removes our chunks with the
        // document, or it went first and there is nothing left to index.
        if (!await LockAsync(connection, transaction, @event, ct))
        {
            await transaction.RollbackAsync(ct);
            return;
        }
        await context.EnlistInOutboxAsync(transaction);
        await ExecuteAsync(connection, transaction, "DELETE FROM chunks WHERE document_id = @id", ct, ("id", @event.DocumentId));
        await ChunkWriter.WriteAsync(connection, @event.TenantId, @event.KnowledgeBaseId, @event.DocumentId, chunks, embedded.Vectors,
            EmbedderIdentity.Model(embedded.Embedder), (long?)embedded.Statistics?.Documents, ct);
        await KnowledgeBaseEmbedder.RecordAsync(connection, transaction, @event.KnowledgeBaseId, embedded.Embedder, embedded.Vectors[0].Length, ct);
        var now = clock.GetUtcNow();
        await ExecuteAsync(connection, transaction, $"""
            UPDATE documents SET status = '{DocumentStatus.Indexed}', progress = 100, chunk_count = @count, error_code = NULL, error_message = NULL,
                                 indexed_at = @now, updated_at = @now
            WHERE id = @id
            """, ct, ("id", @event.DocumentId), ("count", chunks.Count), ("now", now));
        if (source.ReplacesDocumentId is { } replaced)
        {
            // The new version becomes visible and the old one disappears in the same commit: no search sees both or neither.
            await ExecuteAsync(connection, transaction,
                "DELETE FROM documents WHERE id = @old AND knowledge_base_id = @kb AND tenant_id = @tenant", ct,
                ("old", replaced), ("kb", @event.KnowledgeBaseId), ("tenant", @event.TenantId));
        }
        await context.PublishAsync(new DocumentIndexed(@event.TenantId, @event.UserId, @event.DocumentId, @event.KnowledgeBaseId, chunks.Count, now));
        await transaction.CommitAsync(ct);
        await context.FlushOutgoingMessagesAsync();
        logger.LogInformation("Indexed document {DocumentId}: {ChunkCount} chunks", @event.DocumentId, chunks.Count);
    }

    private async Task FailAsync(DocumentUploaded @event, IMessageContext context, ParseFailure failure, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await LockAsync(connection, transaction, @event, ct))
        {
            await transaction.RollbackAsync(ct);
            return;
        }
        await context.EnlistInOutboxAsync(transaction);
        var now = clock.GetUtcNow();
        await ExecuteAsync(connection, transaction, $"""
            UPDATE documents SET status = '{DocumentStatus.Failed}', progress = 100, error_code = @code, error_message = @message, updated_at = @now WHERE id = @id
            """, ct, ("id", @event.DocumentId), ("code", failure.Code), ("message", failure.Message), ("now", now));
        await context.PublishAsync(
            new DocumentFailed(@event.TenantId, @event.UserId, @event.DocumentId, @event.KnowledgeBaseId, failure.Code, failure.Message, now));
        await transaction.CommitAsync(ct);
        await context.FlushOutgoingMessagesAsync();
        logger.LogInformation("Document {DocumentId} failed: {Code}", @event.DocumentId, failure.Code);
    }

    /// <summary>
    /// Locks the document row and says whether it still waits for this work: false when it was deleted meanwhile or
    /// another delivery of the same event already finished it (then nothing is written and nothing published).
    /// </summary>
    private static async Task<bool> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentUploaded @event, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT status FROM documents WHERE id = @id AND tenant_id = @tenant FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("id", @event.DocumentId);
        command.Parameters.AddWithValue("tenant", @event.TenantId);
        return await command.ExecuteScalarAsync(ct) is string status && status is not (DocumentStatus.Indexed or DocumentStatus.Failed);
    }

    private async Task SetProgressAsync(Guid documentId, int progress, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, null, $"""
            UPDATE documents SET status = '{DocumentStatus.Processing}', progress = @progress, updated_at = now()
            WHERE id = @id AND status IN ('{DocumentStatus.Pending}', '{DocumentStatus.Processing}')
            """, ct, ("id", documentId), ("progress", progress));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
