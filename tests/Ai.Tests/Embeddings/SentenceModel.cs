using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ai.Tests.Embeddings;

/// <summary>The sentence model that scripts/fetch-embedding-model.sh installs under VOICEHELPER_TOOLS_DIR; tests skip without it.</summary>
internal static class SentenceModel
{
    private static readonly Lazy<SentenceEmbeddingGenerator?> Shared = new(() => Directory is { } d ? new SentenceEmbeddingGenerator(new() { ModelDirectory = d, Threads = 1 }) : null);

    public static string? Directory =>
        Environment.GetEnvironmentVariable(EmbeddingRegistration.ToolsDirectoryVariable) is { Length: > 0 } tools
        && Path.Combine(tools, "models", SentenceEmbeddingGenerator.DefaultModelId) is var directory
        && SentenceEmbeddingGenerator.IsPresent(directory)
            ? directory
            : null;

    /// <summary>The shared generator (one session for the test run), or a skip naming the variable.</summary>
    public static SentenceEmbeddingGenerator Require() =>
        Shared.Value ?? throw Xunit.Sdk.SkipException.ForSkip(
            $"Set {EmbeddingRegistration.ToolsDirectoryVariable} to a folder holding models/{SentenceEmbeddingGenerator.DefaultModelId} (scripts/fetch-embedding-model.sh).");
}
