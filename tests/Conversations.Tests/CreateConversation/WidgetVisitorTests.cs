using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Conversations.Tests.Infrastructure;

namespace VoiceHelper.Conversations.Tests.CreateConversation;

/// <summary>A website widget's visitor (a token Identity issued for a widget key) in Conversations.</summary>
public sealed class WidgetVisitorTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    private const string Site = "https://shop.example.com";

    [Fact]
    public async Task A_visitor_asks_in_its_own_conversation_which_only_the_tenants_admins_list_as_the_widgets()
    {
        var member = app.NewCaller();
        var keyId = Guid.NewGuid();
        using var visitor = Visitor(member.TenantId, keyId);
        using var otherVisitor = Visitor(member.TenantId, keyId);

        var conversation = await visitor.CreateConversationAsync();
        await visitor.SendOkAsync(conversation.Id(), "How long is the warranty?");

        conversation.GetProperty("channel").GetString().ShouldBe("widget");
        conversation.GetProperty("widget_key_id").GetGuid().ShouldBe(keyId);
        await (await otherVisitor.GetAsync($"/api/v1/conversations/{conversation.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        // A visitor lists its own conversations, never the tenant's.
        await (await visitor.GetAsync("/api/v1/conversations?all_users=true", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var memberClient = app.ClientFor(member);
        await (await memberClient.GetAsync("/api/v1/conversations?channel=widget", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await memberClient.GetAsync("/api/v1/conversations?channel=phone", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await memberClient.CreateConversationAsync();
        using var admin = app.ClientFor(app.NewCaller(member.TenantId, "admin"));
        var listed = (await (await admin.GetAsync("/api/v1/conversations?channel=widget", Ct)).JsonAsync()).GetProperty("items");
        listed.EnumerateArray().Select(c => c.Id()).ShouldBe([conversation.Id()]);
        listed[0].GetProperty("message_count").GetInt64().ShouldBe(2);
        var own = (await (await memberClient.GetAsync("/api/v1/conversations", Ct)).JsonAsync()).GetProperty("items");
        own[0].GetProperty("channel").GetString().ShouldBe("user");
    }

    [Fact]
    public async Task A_visitor_lists_renames_and_deletes_only_its_own_conversations()
    {
        var member = app.NewCaller();
        var keyId = Guid.NewGuid();
        using var visitor = Visitor(member.TenantId, keyId);
        using var sameKeyVisitor = Visitor(member.TenantId, keyId);
        using var otherTenantVisitor = Visitor(Guid.NewGuid(), Guid.NewGuid());
        using var memberClient = app.ClientFor(member);
        var first = (await visitor.CreateConversationAsync(new { title = "Warranty" })).Id();
        var second = (await visitor.CreateConversationAsync(new { title = "Delivery" })).Id();
        var neighbours = (await sameKeyVisitor.CreateConversationAsync()).Id();
        var strangers = (await otherTenantVisitor.CreateConversationAsync()).Id();
        var members = (await memberClient.CreateConversationAsync()).Id();

        async Task<Guid[]> Listed(HttpClient client, string query = "") =>
            [.. (await (await client.GetAsync("/api/v1/conversations" + query, Ct)).JsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.Id())];
        (await Listed(visitor)).ShouldBe([second, first]);
        (await Listed(visitor, "?channel=widget")).ShouldBe([second, first]);
        (await Listed(visitor, "?channel=user")).ShouldBeEmpty();
        (await Listed(sameKeyVisitor)).ShouldBe([neighbours]);

        var renamed = await visitor.PatchAsJsonAsync($"/api/v1/conversations/{first}", new { title = "My warranty" }, Ct);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.JsonAsync()).Str("title").ShouldBe("My warranty");
        // Anyone else's conversation, another visitor's (same key or another tenant's) or a member's, is not there for a visitor.
        foreach (var (client, id) in new[] { (visitor, neighbours), (visitor, strangers), (visitor, members), (sameKeyVisitor, first), (otherTenantVisitor, first) })
        {
            await (await client.PatchAsJsonAsync($"/api/v1/conversations/{id}", new { title = "Mine now" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await client.DeleteAsync($"/api/v1/conversations/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        }
        (await visitor.DeleteAsync($"/api/v1/conversations/{second}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Listed(visitor)).ShouldBe([first]);
        await (await visitor.GetAsync($"/api/v1/conversations/{second}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        (await Listed(memberClient)).ShouldBe([members]);
        using var admin = app.ClientFor(app.NewCaller(member.TenantId, "admin"));
        (await Listed(admin, "?channel=widget")).ShouldBe([neighbours, first]);
    }

    [Fact]
    public async Task Any_page_may_preflight_but_only_the_visitors_own_page_reads_the_answers()
    {
        var member = app.NewCaller();
        using var visitor = Visitor(member.TenantId, Guid.NewGuid());
        using var memberClient = app.ClientFor(member);
        memberClient.DefaultRequestHeaders.Add("Origin", Site);
        var id = (await visitor.CreateConversationAsync()).Id();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/v1/conversations/{id}");
        preflight.Headers.Add("Origin", "https://any.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "PATCH");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        using var preflighted = await app.CreateClient().SendAsync(preflight, Ct);
        preflighted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        preflighted.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://any.example.org"]);
        preflighted.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("PATCH");

        using var visitorsAnswer = await visitor.GetAsync("/api/v1/conversations", Ct);
        visitorsAnswer.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Site]);
        visitorsAnswer.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("Retry-After");
        // The visitor's token from another page: refused, and the refusal is not opened to that page.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/v1/conversations");
        elsewhere.Headers.Authorization = visitor.DefaultRequestHeaders.Authorization;
        elsewhere.Headers.Add("Origin", "https://elsewhere.example.org");
        using var refused = await app.CreateClient().SendAsync(elsewhere, Ct);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        // A user's token is no widget's: its answers are not opened to pages.
        using var usersAnswer = await memberClient.GetAsync("/api/v1/conversations", Ct);
        usersAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        usersAnswer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task A_visitor_whose_token_expired_reads_the_refusal_so_it_can_exchange_its_key_again()
    {
        var member = app.NewCaller();
        using var expired = Visitor(member.TenantId, Guid.NewGuid(), issued: DateTime.UtcNow.AddMinutes(-30));

        using var refused = await expired.GetAsync("/api/v1/conversations", Ct);

        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_expired");
        refused.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Site]);
    }

    [Fact]
    public async Task A_visitors_conversation_asks_its_keys_knowledge_base_whatever_the_widget_names()
    {
        var member = app.NewCaller();
        var keyKnowledgeBase = Guid.NewGuid();
        using var visitor = Visitor(member.TenantId, Guid.NewGuid(), keyKnowledgeBase);

        var conversation = await visitor.CreateConversationAsync(new { title = "Widening", kb_ids = new[] { Guid.NewGuid(), Guid.NewGuid() } });
        await visitor.SendOkAsync(conversation.Id(), "What is in the other knowledge base?");

        conversation.GetProperty("kb_ids").EnumerateArray().Select(k => k.GetGuid()).ShouldBe([keyKnowledgeBase]);
        var asked = app.Assistant.Bodies.Last(b => b.Str("query") == "What is in the other knowledge base?");
        asked.GetProperty("kb_ids").EnumerateArray().Select(k => k.GetGuid()).ShouldBe([keyKnowledgeBase]);
    }

    private HttpClient Visitor(Guid tenantId, Guid keyId, Guid? knowledgeBase = null, DateTime? issued = null)
    {
        var token = app.Tokens.Issue(tenantId, Guid.NewGuid(), roles: [], lifetime: issued is null ? null : TimeSpan.FromMinutes(10), notBefore: issued, extraClaims: new Dictionary<string, string>
        {
            ["widget_key"] = keyId.ToString(),
            ["origin"] = Site,
            ["kb_id"] = (knowledgeBase ?? Guid.NewGuid()).ToString(),
        });
        var client = app.ClientFor(new Caller(tenantId, Guid.Empty, token));
        client.DefaultRequestHeaders.Add("Origin", Site);
        return client;
    }
}
