using System.Security.Cryptography;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>
/// A secret the app model needs (a password). Locally it is generated once and kept in the data folder with
/// owner-only permissions; in a cluster it comes from a Kubernetes Secret.
/// </summary>
public sealed class ParameterResource(string name, string dataDirectory, Func<string>? generate = null) : IResource
{
    private string? _value;

    public string Name { get; } = name;

    public string Value => _value ??= LoadOrGenerate();

    /// <summary>False when the value has a shape Aspire's generator cannot make (a base64 key): it must then be supplied.</summary>
    public bool GeneratedByDeployer { get; } = generate is null;

    /// <summary>A value made of <paramref name="bytes"/> random bytes, base64-encoded (an encryption key).</summary>
    public static Func<string> RandomBase64(int bytes) => () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    private string LoadOrGenerate()
    {
        var path = Path.Combine(dataDirectory, "parameters", Name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = generate?.Invoke() ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, value);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    }
}
