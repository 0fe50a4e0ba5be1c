using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

/// <summary>A summary model that answers every request with 500.</summary>
public sealed class FailingSummariesApp : SummariesApp
{
    protected override FakeBehaviour Behaviour => FakeBehaviour.ServerError;
}
