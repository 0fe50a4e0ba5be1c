using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.Options;
using VoiceHelper.Console.Common.Api;
using VoiceHelper.Contracts;

namespace VoiceHelper.Console.Common;

/// <summary>
/// The signed-in user of one circuit and their tokens. The tokens stay on the server (this object) and, encrypted, in
/// the browser's storage so that a reload keeps the user signed in; the browser never sees them in clear.
/// </summary>
public sealed class ConsoleSession(ProtectedLocalStorage storage, IHttpClientFactory http, TimeProvider time, IOptions<ConsoleOptions> options)
{
    private const string StorageKey = "voicehelper.session";

    // Refresh tokens rotate and reusing a spent one revokes the whole family, so two refreshes must never race.
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private StoredSession? _current;

    public bool Restored { get; private set; }

    public UserInfo? User => _current?.User;

    public bool SignedIn => _current is not null;

    public bool IsAdmin => User?.Role is Roles.Owner or Roles.Admin;

    public event Action? Changed;

    public async Task RestoreAsync()
    {
        if (Restored)
        {
            return;
        }
        try
        {
            var stored = await storage.GetAsync<StoredSession>(StorageKey);
            _current = stored.Success ? stored.Value : null;
        }
        catch (CryptographicException)
        {
            // Written under keys this server no longer has: start signed out.
            await storage.DeleteAsync(StorageKey);
        }
        Restored = true;
        Changed?.Invoke();
    }

    public async Task SignInAsync(TokenPair tokens)
    {
        await SaveAsync(tokens);
        Changed?.Invoke();
    }

    /// <summary>The access token, refreshed first when it is about to expire (or when <paramref name="force"/> after a 401).</summary>
    public async Task<string?> AccessTokenAsync(bool force, CancellationToken ct)
    {
        var seen = _current;
        if (seen is null || (!force && time.GetUtcNow() < seen.RefreshAt))
        {
            return seen?.AccessToken;
        }
        await _refresh.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(_current, seen))
            {
                return _current?.AccessToken; // refreshed meanwhile
            }
            var client = http.CreateClient(ResourceNames.Identity);
            using var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = seen.RefreshToken }, PublicApi.Json, ct);
            if (!response.IsSuccessStatusCode)
            {
                await ClearAsync();
                return null;
            }
            await SaveAsync((await response.Content.ReadFromJsonAsync<TokenPair>(PublicApi.Json, ct))!);
            return _current!.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task SignOutAsync()
    {
        if (_current is { } session)
        {
            var client = http.CreateClient(ResourceNames.Identity);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
            request.Headers.Authorization = new("Bearer", session.AccessToken);
            // Best effort: an expired token is already useless, and the stored copy goes either way.
            try
            {
                using var _ = await client.SendAsync(request);
            }
            catch (HttpRequestException)
            {
            }
        }
        await ClearAsync();
    }

    private async Task SaveAsync(TokenPair tokens)
    {
        var lifetime = TimeSpan.FromSeconds(tokens.ExpiresIn);
        var margin = options.Value.TokenRefreshMargin < lifetime ? options.Value.TokenRefreshMargin : lifetime / 2;
        _current = new StoredSession(tokens.AccessToken, tokens.RefreshToken, time.GetUtcNow() + lifetime - margin, tokens.User);
        await storage.SetAsync(StorageKey, _current);
    }

    private async Task ClearAsync()
    {
        _current = null;
        await storage.DeleteAsync(StorageKey);
        Changed?.Invoke();
    }
}
