using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.Tests.Common;

public sealed class AssistantStreamParserTests
{
    [Theory]
    [InlineData("{\"delta\":\"Hel\"}")]
    [InlineData("{\"token\":\"Hel\"}")]
    [InlineData("\"Hel\"")]
    [InlineData("Hel")]
    public void A_token_is_read_from_the_common_payload_shapes(string data) =>
        AssistantStreamParser.Parse("token", data)!.Delta.ShouldBe("Hel");

    [Fact]
    public void The_end_event_carries_metrics_and_the_authoritative_answer()
    {
        var end = AssistantStreamParser.Parse("end", "{\"answer\":\"Final.\",\"metrics\":{\"tokens_used\":7,\"cache_hit\":true},\"model\":\"m\"}")!;

        end.Answer.ShouldBe("Final.");
        end.Metrics!.TokensUsed.ShouldBe(7);
        end.Metrics.CacheHit.ShouldBeTrue();
        end.Model.ShouldBe("m");
    }

    [Fact]
    public void An_error_event_is_an_assistant_failure() =>
        Should.Throw<AssistantException>(() => AssistantStreamParser.Parse("error", "{\"code\":\"x\"}"));
}
