using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Tests.Infrastructure;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>The agent's HTTP API as a client calls it.</summary>
public static class AgentApi
{
    public static async Task<JsonElement> ExecuteAsync(this RagTenant tenant, object body)
    {
        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/agent/execute", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task AllowAsync(this RagTenant tenant, params object[] hosts)
    {
        var response = await tenant.Assistant.PutAsJsonAsync("/api/v1/agent/allow-list", new { hosts }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    public static IEnumerable<JsonElement> ToolCalls(this JsonElement run) =>
        run.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("tool_calls").EnumerateArray());

    public static string Status(this JsonElement run) => run.GetProperty("status").GetString()!;

    public static string FinalResult(this JsonElement run) => run.GetProperty("final_result").GetString()!;
}
