namespace VoiceHelper.AppHost.Hosting;

/// <summary>How to start one child process.</summary>
public sealed record LaunchSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);
