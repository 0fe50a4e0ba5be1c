using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.KnowledgeBases;

public sealed class KnowledgeBaseTests(KnowledgeApp app) : IClassFixture<KnowledgeApp>
{
    [Fact]
    public async Task Create_get_update_list_and_delete_a_knowledge_base()
    {
        var client = app.ClientForNewTenant();
        var id = await CreateKnowledgeBaseAsync(client, settings: new { name = "Support", chunk_size = 300, chunk_overlap = 40, language = "en" });

        var kb = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/knowledge/bases/{id}", Ct)).RootElement;
        kb.GetProperty("chunk_size").GetInt32().ShouldBe(300);
        kb.GetProperty("embedding_provider").GetString().ShouldBe("hashed-ngram");
        kb.GetProperty("embedding_dimension").GetInt32().ShouldBe(384);

        var patch = await client.PatchAsJsonAsync($"/api/v1/knowledge/bases/{id}", new { name = "Support v2", chunk_overlap = 50 }, Ct);
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patch.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString().ShouldBe("Support v2");

        var invalid = await client.PatchAsJsonAsync($"/api/v1/knowledge/bases/{id}", new { chunk_overlap = 400 }, Ct);
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        (await client.DeleteAsync($"/api/v1/knowledge/bases/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/knowledge/bases/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_is_paginated_newest_first()
    {
        var client = app.ClientForNewTenant();
        for (var i = 0; i < 3; i++)
        {
            await CreateKnowledgeBaseAsync(client, $"kb{i}");
        }
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/knowledge/bases?page=1&page_size=2", Ct)).RootElement;
        first.GetProperty("items").GetArrayLength().ShouldBe(2);
        first.GetProperty("has_next").GetBoolean().ShouldBeTrue();
        first.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("kb2");
        var second = JsonDocument.Parse(await client.GetStringAsync("/api/v1/knowledge/bases?page=2&page_size=2", Ct)).RootElement;
        second.GetProperty("items").GetArrayLength().ShouldBe(1);
        second.GetProperty("has_next").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Invalid_settings_list_every_field()
    {
        var client = app.ClientForNewTenant();
        var response = await client.PostAsJsonAsync("/api/v1/knowledge/bases", new { name = "", chunk_size = 10 }, Ct);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("chunk_size", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/knowledge/bases", Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "authentication_required");
    }

    [Fact]
    public async Task The_search_contract_is_documented_in_openapi()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var search = document.GetProperty("paths").GetProperty("/api/v1/knowledge/search").GetProperty("post");
        search.GetProperty("operationId").GetString().ShouldBe("SearchKnowledge");
        search.GetProperty("responses").TryGetProperty("200", out _).ShouldBeTrue();
        document.GetProperty("paths").TryGetProperty("/api/v1/knowledge/bases/{kb_id}/documents", out _).ShouldBeTrue();
    }
}
