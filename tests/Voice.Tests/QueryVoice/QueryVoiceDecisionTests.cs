using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.QueryVoice;
using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Tests.QueryVoice;

public sealed class QueryVoiceDecisionTests
{
    [Theory]
    [InlineData(false, 100L, "multipart_required")]
    [InlineData(true, null, "audio_missing")]
    [InlineData(true, 0L, "audio_missing")]
    [InlineData(true, 1001L, "audio_too_large")]
    [InlineData(true, 1000L, null)]
    public void An_upload_needs_a_form_with_audio_within_the_limit(bool isForm, long? bytes, string? code) =>
        (QueryVoiceDecision.CheckUpload(isForm, bytes, 1000)?.Code).ShouldBe(code);

    [Fact]
    public void A_question_must_be_short_enough_and_in_a_language_with_a_recogniser()
    {
        var second = new AudioClip(new float[8_000], 8_000);
        QueryVoiceDecision.CheckClip(second, VoiceCatalog.English, 60).ShouldBeNull();
        QueryVoiceDecision.CheckClip(new AudioClip(new float[8_000 * 61], 8_000), VoiceCatalog.English, 60)!.Code.ShouldBe("audio_too_long");
        var mandarin = QueryVoiceDecision.CheckClip(second, "zh", 60)!;
        (mandarin.Code, mandarin.Status).ShouldBe(("no_recognizer", 422));
    }

    [Fact]
    public void A_missing_conversation_is_404_and_anything_else_from_conversations_502() =>
        (QueryVoiceDecision.ConversationsFailed(new ConversationsException(404, "conversation_not_found", "gone")).Status,
         QueryVoiceDecision.ConversationsFailed(new ConversationsException(500, "boom", "down")).Status).ShouldBe((404, 502));
}
