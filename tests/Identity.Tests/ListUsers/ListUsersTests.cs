using System.Net;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.ListUsers;

public sealed class ListUsersTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Users_are_listed_page_by_page()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        await Api.AddUserAndLoginAsync(owner, _client, "agent");
        await Api.AddUserAndLoginAsync(owner, _client, "member");

        var first = await (await owner.GetAsync("/api/v1/users?page=1&page_size=2", Ct)).ReadAsync<PageResponse<UserResponse>>();
        var second = await (await owner.GetAsync("/api/v1/users?page=2&page_size=2", Ct)).ReadAsync<PageResponse<UserResponse>>();

        first.Items.Count.ShouldBe(2);
        first.HasNext.ShouldBeTrue();
        first.Items[0].Role.ShouldBe("owner");
        second.Items.Count.ShouldBe(1);
        second.HasNext.ShouldBeFalse();
        second.Items[0].Role.ShouldBe("member");
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_400_naming_it()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);

        var response = await app.ClientWithToken(tokens.AccessToken).GetAsync("/api/v1/users?page_size=1000", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("page_size", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_agent_cannot_list_users()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, agent) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "agent");

        var response = await app.ClientWithToken(agent.AccessToken).GetAsync("/api/v1/users", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
