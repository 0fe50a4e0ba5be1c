namespace VoiceHelper.Knowledge.Tests.Infrastructure;

/// <summary>The service plus a real Ingestion worker process: uploads get parsed, chunked, embedded and indexed.</summary>
public sealed class KnowledgeAppWithWorker : KnowledgeApp
{
    protected override bool WithWorker => true;
}
