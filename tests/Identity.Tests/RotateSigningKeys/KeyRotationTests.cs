using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using VoiceHelper.Identity.GetJwks;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.RotateSigningKeys;

public sealed class KeyRotationTests(RotatingIdentityApp app) : IClassFixture<RotatingIdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_rotated_key_keeps_validating_its_tokens_until_they_expire_then_leaves_the_jwks()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var (account, before) = await Api.RegisterAndLoginAsync(_client);
        var oldKid = new JsonWebToken(before.AccessToken).Kid;

        app.Clock.Advance(TimeSpan.FromMinutes(35)); // the first key is now 40 minutes old: past its 30
        var after = await Api.LoginAsync(_client, account.Email);
        var newKid = new JsonWebToken(after.AccessToken).Kid;

        newKid.ShouldNotBe(oldKid);
        (await Kids()).ShouldBe([oldKid, newKid], ignoreOrder: true);
        (await app.ClientWithToken(before.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ClientWithToken(after.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every token of the old key has expired (1 h lifetime + skew + refresh interval after it was replaced).
        app.Clock.Advance(TimeSpan.FromMinutes(63));
        var kids = await Kids();
        kids.ShouldNotContain(oldKid);
        kids.ShouldContain(newKid);
    }

    private async Task<List<string>> Kids() =>
        (await _client.GetFromJsonAsync<GetJwksResponse>("/.well-known/jwks.json", Json, Ct))!.Keys.Select(k => k.Kid).ToList();
}
