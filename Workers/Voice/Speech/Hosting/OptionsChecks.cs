namespace VoiceHelper.Voice.Speech.Hosting;

/// <summary>Shared wording for start-up validation: every missing file names itself and its remedy.</summary>
internal static class OptionsChecks
{
    public const string SetupHint = "Run scripts/setup.sh to install it";

    public static void RequireFile(List<string> failures, string? path, string setting, string remedy)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{setting} is not set. {remedy}.");
        }
        else if (!File.Exists(path))
        {
            failures.Add($"{setting}: file not found: {path}. {remedy}.");
        }
    }

    public static void RequireDirectory(List<string> failures, string? path, string setting, string remedy)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{setting} is not set. {remedy}.");
        }
        else if (!Directory.Exists(path))
        {
            failures.Add($"{setting}: folder not found: {path}. {remedy}.");
        }
    }
}
