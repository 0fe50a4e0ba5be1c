namespace VoiceHelper.Testing;

/// <summary>A function call the fake model answers with (OpenAI's <c>tool_calls</c>); <paramref name="Arguments"/> is serialised to JSON.</summary>
public sealed record FakeToolCall(string Name, object Arguments, string? Id = null);
