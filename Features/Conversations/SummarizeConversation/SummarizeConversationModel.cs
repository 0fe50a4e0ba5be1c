using Microsoft.Extensions.AI;

namespace VoiceHelper.Conversations.SummarizeConversation;

/// <summary>
/// The summary model if one is configured. The summariser is always subscribed (its pre-generated handler code has
/// one shape whatever the configuration), so it receives this rather than the keyed client that may not exist.
/// </summary>
public sealed record SummarizeConversationModel(IChatClient? Client);
