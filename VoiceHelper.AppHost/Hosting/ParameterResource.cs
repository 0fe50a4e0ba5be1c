using System.Security.Cryptography;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>
/// A secret the app model needs (a password). Locally it is generated once and kept in the data folder with
/// owner-only permissions; in a cluster it comes from a Kubernetes Secret.
/// </summary>
public sealed class ParameterResource(string name, string dataDirectory) : IResource
{
    private string? _value;

    public string Name { get; } = name;

    public string Value => _value ??= LoadOrGenerate();

    private string LoadOrGenerate()
    {
        var path = Path.Combine(dataDirectory, "parameters", Name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, value);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    }
}
