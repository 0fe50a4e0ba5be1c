using System.Text.Json;

namespace VoiceHelper.Voice.Common;

/// <summary>The part of a stored Conversations message a call needs.</summary>
public sealed record ConversationsMessage(Guid Id, long Sequence, string Role, string Content, string Status, string? Modality, JsonElement? Sources);
