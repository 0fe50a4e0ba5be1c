using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// The models a tenant's VoiceHelper offers to OpenAI clients and MCP tools: <c>voicehelper</c> (every knowledge base, the
/// newest <see cref="MaxKnowledgeBases"/>) and <c>kb:&lt;id&gt;</c> per knowledge base; a knowledge base's exact name is
/// accepted too when no other base has it. Resolved against the caller's own list, so another tenant's base is not found.
/// </summary>
public sealed class KnowledgeModels(KnowledgeClient knowledge)
{
    public const string AllKnowledge = "voicehelper";
    public const string KnowledgeBasePrefix = "kb:";

    /// <summary>The most knowledge bases one question may search (the answer pipeline's limit).</summary>
    public const int MaxKnowledgeBases = 20;

    private const int ListLimit = 500;

    public static Error ModelNotFound(string name) =>
        new("model_not_found", 404, $"The model '{name}' does not exist; GET /v1/models lists the models of your tenant.");

    public async Task<Result<IReadOnlyList<KnowledgeModel>>> ListAsync(CancellationToken cancellationToken) =>
        await knowledge.ListKnowledgeBasesAsync(ListLimit, cancellationToken) is { } bases
            ? Result<IReadOnlyList<KnowledgeModel>>.Success(All(bases))
            : AssistantErrors.KnowledgeUnavailable;

    public async Task<Result<KnowledgeModel>> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        if (await knowledge.ListKnowledgeBasesAsync(ListLimit, cancellationToken) is not { } bases)
        {
            return AssistantErrors.KnowledgeUnavailable;
        }
        return Resolve(name, bases) is { } model ? model : ModelNotFound(name);
    }

    /// <summary>Every model of a tenant with these knowledge bases (newest first); none when it has no knowledge base.</summary>
    public static IReadOnlyList<KnowledgeModel> All(IReadOnlyList<KnowledgeBaseSummary> bases) =>
        bases.Count == 0
            ? []
            : [new KnowledgeModel(AllKnowledge, bases.Take(MaxKnowledgeBases).Select(b => b.Id).ToList(),
                  "Grounded answers from all knowledge bases", bases.Min(b => b.CreatedAt)),
              .. bases.Select(Of)];

    /// <summary>The model a client named, or null when the tenant has none by that name.</summary>
    public static KnowledgeModel? Resolve(string name, IReadOnlyList<KnowledgeBaseSummary> bases)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals(AllKnowledge, StringComparison.OrdinalIgnoreCase))
        {
            return All(bases) is [var all, ..] ? all : null;
        }
        if (trimmed.StartsWith(KnowledgeBasePrefix, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(trimmed[KnowledgeBasePrefix.Length..], out var id))
        {
            return bases.FirstOrDefault(b => b.Id == id) is { } byId ? Of(byId) : null;
        }
        var named = bases.Where(b => b.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return named.Count == 1 ? Of(named[0]) : null;
    }

    private static KnowledgeModel Of(KnowledgeBaseSummary knowledgeBase) =>
        new(KnowledgeBasePrefix + knowledgeBase.Id, [knowledgeBase.Id], knowledgeBase.Name, knowledgeBase.CreatedAt);
}
