namespace VoiceHelper.Voice.Common;

/// <summary>Conversations refused or failed a call; <see cref="Code"/> is its problem code (or ours when it gave none).</summary>
public sealed class ConversationsException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
