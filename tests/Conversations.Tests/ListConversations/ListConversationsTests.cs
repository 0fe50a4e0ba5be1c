using System.Net;
using VoiceHelper.Conversations.Tests.Infrastructure;

namespace VoiceHelper.Conversations.Tests.ListConversations;

public sealed class ListConversationsTests(ConversationsApp app) : IClassFixture<ConversationsApp>
{
    [Fact]
    public async Task A_user_sees_their_own_conversations_newest_first_in_pages_and_an_admin_the_tenants()
    {
        var member = app.NewCaller();
        using var client = app.ClientFor(member);
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await client.CreateConversationAsync(new { title = $"c{i}" })).Id());
        }
        using var colleague = app.ClientFor(app.NewCaller(member.TenantId));
        await colleague.CreateConversationAsync();

        var page1 = await (await client.GetAsync("/api/v1/conversations?page_size=2", Ct)).JsonAsync();
        var page2 = await (await client.GetAsync("/api/v1/conversations?page_size=2&page=2", Ct)).JsonAsync();
        page1.GetProperty("items").EnumerateArray().Select(c => c.Id()).ShouldBe([created[2], created[1]]);
        page1.GetProperty("has_next").GetBoolean().ShouldBeTrue();
        page2.GetProperty("items").EnumerateArray().Select(c => c.Id()).ShouldBe([created[0]]);
        page2.GetProperty("has_next").GetBoolean().ShouldBeFalse();

        await (await client.GetAsync("/api/v1/conversations?all_users=true", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var admin = app.ClientFor(app.NewCaller(member.TenantId, "admin"));
        var all = await (await admin.GetAsync("/api/v1/conversations?all_users=true", Ct)).JsonAsync();
        all.GetProperty("items").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task A_deleted_conversation_disappears_but_its_messages_stay_until_retention()
    {
        using var client = app.ClientFor(app.NewCaller());
        var conversation = (await client.CreateConversationAsync()).Id();
        await client.SendOkAsync(conversation, "hello");

        (await client.DeleteAsync($"/api/v1/conversations/{conversation}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync($"/api/v1/conversations/{conversation}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await using var db = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync(Ct);
        await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM messages WHERE conversation_id = '{conversation}'", db);
        ((long)(await count.ExecuteScalarAsync(Ct))!).ShouldBe(2);
    }
}
