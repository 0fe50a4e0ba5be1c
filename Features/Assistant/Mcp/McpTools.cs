using System.ComponentModel;
using MediatR;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.Mcp;

/// <summary>
/// VoiceHelper's MCP tools, for the tenant of the API key that called (<c>mcp</c> scope). Like endpoints they are thin: the
/// knowledge is named as the OpenAI models name it, the search is Knowledge's and the answer is the one answer pipeline's.
/// Expected failures are tool errors (<see cref="McpException"/>), which the client sees as <c>isError</c> results.
/// </summary>
[McpServerToolType]
public sealed class McpTools
{
    private const string KnowledgeDescription = "Which knowledge to use: 'voicehelper' (all knowledge bases), 'kb:<id>' or a knowledge base's name.";

    [McpServerTool(Name = "knowledge_search", ReadOnly = true, Idempotent = true)]
    [Description("Searches the tenant's knowledge bases (hybrid vector + keyword) and returns the best passages with their sources.")]
    public static async Task<IReadOnlyList<McpSearchHit>> SearchAsync(
        KnowledgeModels models,
        KnowledgeClient knowledge,
        [Description("What to look for.")] string query,
        [Description(KnowledgeDescription)] string knowledgeBase = KnowledgeModels.AllKnowledge,
        [Description("How many passages, 1 to 20.")] int limit = RagQueryRequest.DefaultTopK,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > RagQueryRequest.MaxQueryLength)
        {
            throw new McpException($"'query' must contain text, at most {RagQueryRequest.MaxQueryLength} characters.");
        }
        if (limit is < 1 or > 20)
        {
            throw new McpException("'limit' must be between 1 and 20.");
        }
        var model = Expect(await models.ResolveAsync(knowledgeBase, cancellationToken));
        var (outcome, response, _) = await knowledge.SearchAsync(query, model.KnowledgeBaseIds, limit, KnowledgeSearchModes.Hybrid, cancellationToken);
        if (outcome != KnowledgeSearchOutcome.Found || response is null)
        {
            throw new McpException(outcome == KnowledgeSearchOutcome.KnowledgeBaseNotFound
                ? AssistantErrors.KnowledgeBaseNotFound.Message
                : "Knowledge search is unavailable right now; try again shortly.");
        }
        return response.Results.Select(h => new McpSearchHit(h.Rank, h.Score, h.DocumentTitle, h.HeadingPath, h.Page, h.Text, h.DocumentId, h.ChunkId,
            h.KnowledgeBaseId)).ToList();
    }

    [McpServerTool(Name = "grounded_answer", ReadOnly = true)]
    [Description("Answers a question from the tenant's knowledge bases only, citing sources as [n]; says it does not know when they do not say.")]
    public static async Task<McpGroundedAnswer> AnswerAsync(
        KnowledgeModels models,
        IMediator mediator,
        [Description("The question.")] string question,
        [Description(KnowledgeDescription)] string knowledgeBase = KnowledgeModels.AllKnowledge,
        CancellationToken cancellationToken = default)
    {
        var model = Expect(await models.ResolveAsync(knowledgeBase, cancellationToken));
        var events = Expect(await mediator.Send(new QueryRagRequest(new RagQueryRequest(question, model.KnowledgeBaseIds)), cancellationToken));
        await using var reader = events.GetAsyncEnumerator(cancellationToken);
        if (!await reader.MoveNextAsync())
        {
            throw new InvalidOperationException("The answer pipeline produced nothing.");
        }
        var answer = Expect(await QueryRagStream.CollectAsync(reader));
        return new McpGroundedAnswer(answer.Answer, answer.Sources.Where(s => s.Cited).ToList(), model.Id);
    }

    private static T Expect<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new McpException(Describe(result.Error!));

    private static string Describe(Error error) =>
        error.Fields is { Count: > 0 } fields
            ? $"{error.Message} {string.Join(" ", fields.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")))}"
            : error.Message;
}
