namespace VoiceHelper.Conversations.Common;

/// <summary>The Assistant could not be reached or answered with an error or a malformed body: an outage, not a bug here.</summary>
public sealed class AssistantException(string message, Exception? inner = null) : Exception(message, inner);
