using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.Common;

/// <summary>The Assistant's expected failures; the codes are part of the API.</summary>
public static class AssistantErrors
{
    /// <summary>Also what another tenant's knowledge base answers: its existence is not revealed.</summary>
    public static readonly Error KnowledgeBaseNotFound = Error.NotFound("knowledge_base");

    public static readonly Error KnowledgeUnavailable = new("knowledge_unavailable", 503,
        "Retrieval is unavailable right now; try again shortly.");

    /// <summary>Knowledge refused the search for now (429); the caller may retry after the delay Knowledge gave.</summary>
    public static Error KnowledgeThrottled(TimeSpan retryAfter) => new("rate_limited", 429,
        "Too many requests; retry after the given delay.", RetryAfter: retryAfter);

    public static readonly Error InvalidRange = Error.Invalid("invalid_range", "'from' must be before 'to'.");

    public static readonly Error ModelNotFound = Error.NotFound("model");

    public static readonly Error ModelNameTaken = Error.Conflict("model_name_taken", "A model with this name already exists.");

    public static readonly Error AbTestNotFound = Error.NotFound("ab_test");

    public static readonly Error AbTestRunning = Error.Conflict("ab_test_already_running", "Another A/B test is running; stop it first.");

    public static Error AbTestState(string status) => Error.Conflict("ab_test_state", $"The A/B test is {status}.");

    public static Error EndpointNotAllowed(string why) => Error.Invalid("endpoint_not_allowed",
        $"The model's endpoint cannot be used: {why}. Allow-list its host with PUT /api/v1/agent/allow-list (allow_private for an internal address).");

    public static Error UnknownModel(string name) => Error.Invalid("unknown_model", $"No model is named '{name}'.");
}
