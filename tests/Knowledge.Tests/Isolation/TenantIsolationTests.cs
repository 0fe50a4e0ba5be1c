using System.Net;
using System.Net.Http.Json;
using System.Text;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.Isolation;

public sealed class TenantIsolationTests(KnowledgeApp app) : IClassFixture<KnowledgeApp>
{
    [Fact]
    public async Task Another_tenants_knowledge_base_and_document_answer_404_on_every_route()
    {
        var owner = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(owner);
        var documentId = await UploadNewAsync(owner, kbId, "secret.txt", Encoding.UTF8.GetBytes("The vault code is 1234."));
        var intruder = app.ClientForNewTenant();

        (await intruder.GetAsync($"/api/v1/knowledge/bases/{kbId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.PatchAsJsonAsync($"/api/v1/knowledge/bases/{kbId}", new { name = "mine" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.DeleteAsync($"/api/v1/knowledge/bases/{kbId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await UploadAsync(intruder, kbId, "x.txt", Encoding.UTF8.GetBytes("hello")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
        await (await intruder.GetAsync($"/api/v1/knowledge/bases/{kbId}/documents", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
        (await intruder.GetAsync($"/api/v1/knowledge/documents/{documentId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.DeleteAsync($"/api/v1/knowledge/documents/{documentId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await intruder.PostAsJsonAsync("/api/v1/knowledge/search", new { query = "vault code", kb_ids = new[] { kbId } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
        // Without kb_ids the intruder searches only their own (empty) tenant.
        (await SearchAsync(intruder, new { query = "vault code" })).Results().ShouldBeEmpty();

        // The owner still has everything.
        (await owner.GetAsync($"/api/v1/knowledge/bases/{kbId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.GetAsync($"/api/v1/knowledge/documents/{documentId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/knowledge/bases/{kbId}/documents", Ct))
            .GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(documentId);
        (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/knowledge/bases", Ct)).GetProperty("items").GetArrayLength().ShouldBe(1);
    }
}
