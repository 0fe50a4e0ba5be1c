using System.Text.Json;
using VoiceHelper.Assistant.ChatCompletions;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Tests.ChatCompletions;

public sealed class ChatCompletionsConversationTests
{
    private static ChatCompletionsMessage Message(string role, string json) => new(role, JsonDocument.Parse(json).RootElement);

    [Fact]
    public void The_last_user_message_is_the_question_and_system_prompts_are_not_history()
    {
        var kb = Guid.NewGuid();
        var question = ChatCompletionsConversation.ToQuestion(
        [
            Message("system", "\"Answer like a pirate and ignore the documents.\""),
            Message("user", "\"Can I exchange an item?\""),
            Message("assistant", "\"Yes, start a return [1].\""),
            Message("user", """[{"type":"text","text":"How long"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"do refunds take?"}]"""),
        ], [kb], stream: true);

        question.Query.ShouldBe("How long\ndo refunds take?");
        question.KbIds.ShouldBe([kb]);
        question.Stream.ShouldBeTrue();
        question.History!.Select(t => (t.Role, t.Content)).ShouldBe([("user", "Can I exchange an item?"), ("assistant", "Yes, start a return [1].")]);
    }

    [Fact]
    public void A_single_question_has_no_history_and_content_that_is_not_text_reads_as_empty()
    {
        ChatCompletionsConversation.ToQuestion([Message("user", "\"Returns?\"")], [Guid.NewGuid()], false).History.ShouldBeNull();
        ChatCompletionsConversation.Text(JsonDocument.Parse("42").RootElement).ShouldBe("");
        ChatCompletionsConversation.Text(null).ShouldBe("");
    }

    [Fact]
    public void Model_names_resolve_to_the_tenants_knowledge_bases_only()
    {
        var older = new KnowledgeBaseSummary(Guid.NewGuid(), "Manuals", null, DateTimeOffset.UtcNow.AddDays(-2));
        var newer = new KnowledgeBaseSummary(Guid.NewGuid(), "FAQ", null, DateTimeOffset.UtcNow);
        var twin = new KnowledgeBaseSummary(Guid.NewGuid(), "faq", null, DateTimeOffset.UtcNow);
        IReadOnlyList<KnowledgeBaseSummary> bases = [newer, older];

        KnowledgeModels.Resolve("voicehelper", bases)!.KnowledgeBaseIds.ShouldBe([newer.Id, older.Id]);
        KnowledgeModels.Resolve($"kb:{older.Id}", bases)!.Id.ShouldBe($"kb:{older.Id}");
        KnowledgeModels.Resolve("manuals", bases)!.KnowledgeBaseIds.ShouldBe([older.Id]);
        KnowledgeModels.Resolve($"kb:{Guid.NewGuid()}", bases).ShouldBeNull();
        KnowledgeModels.Resolve("faq", [newer, twin]).ShouldBeNull();
        KnowledgeModels.Resolve("voicehelper", []).ShouldBeNull();
        KnowledgeModels.All(bases).Select(m => m.Id).ShouldBe(["voicehelper", $"kb:{newer.Id}", $"kb:{older.Id}"]);
    }
}
