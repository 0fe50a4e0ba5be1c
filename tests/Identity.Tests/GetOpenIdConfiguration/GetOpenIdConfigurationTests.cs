using System.Net;
using System.Text.Json;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.GetOpenIdConfiguration;

public sealed class GetOpenIdConfigurationTests(KestrelIdentityApp identity) : IClassFixture<KestrelIdentityApp>
{
    [Fact]
    public async Task The_document_names_the_token_issuer_and_where_its_keys_are_as_the_caller_reached_identity()
    {
        using var client = new HttpClient { BaseAddress = identity.ListeningAddress };

        var response = await client.GetAsync("/.well-known/openid-configuration", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        document.GetProperty("issuer").GetString().ShouldBe("voicehelper");
        var jwksUri = new Uri(document.GetProperty("jwks_uri").GetString()!);
        jwksUri.ShouldBe(new Uri(identity.ListeningAddress, "/.well-known/jwks.json"));
        document.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()).ShouldContain("RS256");
        var keys = await client.GetAsync(jwksUri, Ct);
        keys.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_service_validates_identitys_tokens_from_the_document_alone()
    {
        await using var probe = await ProbeService.StartAsync(identity.ListeningAddress);
        var (account, tokens) = await Api.RegisterAndLoginAsync(identity.CreateClient());

        var response = await probe.CreateClient(tokens.AccessToken).GetAsync("/probe", Ct);
        var forged = await probe.CreateClient(tokens.AccessToken[..^4] + "AAAA").GetAsync("/probe", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(account.TenantId.ToString());
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
