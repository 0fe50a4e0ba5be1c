namespace VoiceHelper.Conversations.Common;

/// <summary>Where a conversation was started; stable strings, clients filter on them (<c>?channel=widget</c>).</summary>
public static class ConversationChannels
{
    /// <summary>A signed-in user, through the API or the console.</summary>
    public const string User = "user";

    /// <summary>An anonymous visitor of a tenant's website, through the embedded widget.</summary>
    public const string Widget = "widget";

    public static readonly string[] All = [User, Widget];
}
