using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VoiceHelper.Conversations.Tests.Infrastructure;

/// <summary>Calls through the public HTTP API, the way a client does.</summary>
public static class Api
{
    public static async Task<JsonElement> CreateConversationAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/conversations", body ?? new { title = "Help" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, Guid conversationId, string content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { content }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> SendOkAsync(this HttpClient client, Guid conversationId, string content)
    {
        var response = await client.SendAsync(conversationId, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.JsonAsync();
    }

    public static async Task<List<JsonElement>> MessagesAsync(this HttpClient client, Guid conversationId)
    {
        var response = await client.GetAsync($"/api/v1/conversations/{conversationId}/messages?page_size=100", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>Reads server-sent events until the stream ends; <paramref name="stopAfter"/> stops reading early (the caller then disconnects).</summary>
    public static async Task<List<(string Event, JsonElement Data)>> ReadEventsAsync(Stream stream, Func<List<(string, JsonElement)>, bool>? stopAfter = null)
    {
        var events = new List<(string, JsonElement)>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null;
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name!, JsonDocument.Parse(line[6..]).RootElement.Clone()));
                if (stopAfter?.Invoke(events) == true)
                {
                    break;
                }
            }
        }
        return events;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the deadline passes (no fixed sleeps).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
            await Task.Delay(50, Ct);
        }
    }
}
