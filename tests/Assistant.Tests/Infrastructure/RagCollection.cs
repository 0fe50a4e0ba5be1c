namespace VoiceHelper.Assistant.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RagCollection : ICollectionFixture<RagSystem>
{
    public const string Name = "rag";
}
