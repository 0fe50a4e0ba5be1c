namespace VoiceHelper.Console.AskInPlayground;

/// <summary>Reads a <c>text/event-stream</c> body into (event, data) pairs as they arrive.</summary>
public static class ServerSentEvents
{
    public static async IAsyncEnumerable<(string Event, string Data)> ReadAsync(Stream body,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        var name = "message";
        var data = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return (name, data.ToString());
                }
                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(data.Length > 0 ? "\n" : "").Append(line[5..].TrimStart());
            }
        }
    }
}
