using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Conversations.Common;

public sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>The Assistant service; a bare service name resolves through service discovery.</summary>
    [Required] public Uri BaseAddress { get; set; } = new("http://assistant");
}
