using VoiceHelper.Testing;
using System.ClientModel;
using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Ai.Tests.Chat;

/// <summary>Both providers' Microsoft.Extensions.AI clients, as the catalog builds them, against a local server speaking each protocol.</summary>
public sealed class ChatClientsTests : IAsyncLifetime
{
    private FakeChatCompletionsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IChatClient Client(ChatProvider provider, string model, FakeBehaviour behaviour, TimeSpan? timeout = null)
    {
        model = $"{provider}-{model}";
        _server.Behaviours[model] = behaviour;
        return ChatClients.Create(new ChatModelOptions
        {
            Id = model, Provider = provider, ApiKey = "test-key", Timeout = timeout ?? TimeSpan.FromSeconds(5),
            Endpoint = provider == ChatProvider.Ollama ? _server.OllamaEndpoint : _server.Endpoint,
        });
    }

    private static List<ChatMessage> Prompt() =>
    [
        new(ChatRole.System, "Answer using only the sources in the user message."),
        new(ChatRole.User, "<source id=\"1\" title=\"Refunds\">\nRefunds are issued within 14 days.\n</source>\nQuestion: How long do refunds take?"),
    ];

    [Theory]
    [InlineData(ChatProvider.OpenAiCompatible)]
    [InlineData(ChatProvider.Ollama)]
    public async Task A_completion_returns_the_text_and_the_token_usage_the_server_reported(ChatProvider provider)
    {
        var response = await Client(provider, "normal", FakeBehaviour.Normal).GetResponseAsync(Prompt(), cancellationToken: Ct);

        response.Text.ShouldBe(_server.Answer);
        response.Usage!.InputTokenCount.ShouldBe(42);
        response.Usage.OutputTokenCount.ShouldBe(9);
        var sent = _server.Requests.Single();
        sent.GetProperty("messages")[0].GetProperty("role").GetString().ShouldBe("system");
        sent.GetProperty("messages")[1].GetProperty("content").GetString()!.ShouldContain("<source id=\"1\"");
    }

    [Theory]
    [InlineData(ChatProvider.OpenAiCompatible)]
    [InlineData(ChatProvider.Ollama)]
    public async Task A_streamed_completion_arrives_as_deltas_and_ends_with_the_usage(ChatProvider provider)
    {
        var deltas = new List<string>();
        UsageDetails? usage = null;
        await foreach (var update in Client(provider, "stream", FakeBehaviour.Normal).GetStreamingResponseAsync(Prompt(), cancellationToken: Ct))
        {
            if (update.Text.Length > 0)
            {
                deltas.Add(update.Text);
            }
            usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
        }

        deltas.Count.ShouldBeGreaterThan(3);
        string.Concat(deltas).ShouldBe(_server.Answer);
        usage!.InputTokenCount.ShouldBe(42);
    }

    [Theory]
    [InlineData(ChatProvider.OpenAiCompatible, FakeBehaviour.TooManyRequests, 429)]
    [InlineData(ChatProvider.OpenAiCompatible, FakeBehaviour.ServerError, 500)]
    [InlineData(ChatProvider.Ollama, FakeBehaviour.TooManyRequests, 429)]
    [InlineData(ChatProvider.Ollama, FakeBehaviour.ServerError, 500)]
    public async Task An_error_status_fails_at_once_without_retrying(ChatProvider provider, FakeBehaviour behaviour, int status)
    {
        var failure = await Should.ThrowAsync<Exception>(() => Client(provider, $"{status}", behaviour).GetResponseAsync(Prompt(), cancellationToken: Ct));

        if (provider == ChatProvider.OpenAiCompatible)
        {
            failure.ShouldBeOfType<ClientResultException>().Status.ShouldBe(status);
        }
        // Retries are the fallback chain's decision, not the SDK's.
        _server.CallsTo($"{provider}-{status}").ShouldBe(1);
    }

    [Theory]
    [InlineData(ChatProvider.OpenAiCompatible)]
    [InlineData(ChatProvider.Ollama)]
    public async Task A_server_that_does_not_answer_in_time_is_a_timeout_not_a_cancellation(ChatProvider provider)
    {
        var started = DateTime.UtcNow;
        await Should.ThrowAsync<TimeoutException>(() =>
            Client(provider, "hang", FakeBehaviour.Hang, TimeSpan.FromMilliseconds(400)).GetResponseAsync(Prompt(), cancellationToken: Ct));
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(ChatProvider.OpenAiCompatible)]
    [InlineData(ChatProvider.Ollama)]
    public async Task Malformed_json_fails_instead_of_returning_an_empty_answer(ChatProvider provider)
    {
        await Should.ThrowAsync<Exception>(() => Client(provider, "malformed", FakeBehaviour.Malformed).GetResponseAsync(Prompt(), cancellationToken: Ct));
    }

    [Theory]
    [InlineData(ChatProvider.OpenAiCompatible)]
    [InlineData(ChatProvider.Ollama)]
    public async Task Cancelling_a_stream_closes_the_connection_to_the_model(ChatProvider provider)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var received = 0;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Client(provider, "slow", FakeBehaviour.SlowStream).GetStreamingResponseAsync(Prompt(), cancellationToken: cancel.Token))
            {
                if (++received == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        await _server.StreamAborted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
