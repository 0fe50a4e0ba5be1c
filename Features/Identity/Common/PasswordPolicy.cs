namespace VoiceHelper.Identity.Common;

/// <summary>The server-side password rules. Returns what is wrong, empty when the password is acceptable.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static IReadOnlyList<string> Check(string password, string email, string username)
    {
        var problems = new List<string>();
        if (password.Length < MinLength)
        {
            problems.Add($"Use at least {MinLength} characters.");
        }
        if (!password.Any(char.IsUpper))
        {
            problems.Add("Use at least one upper-case letter.");
        }
        if (!password.Any(char.IsLower))
        {
            problems.Add("Use at least one lower-case letter.");
        }
        if (!password.Any(char.IsDigit))
        {
            problems.Add("Use at least one digit.");
        }
        if (string.Equals(password, email, StringComparison.OrdinalIgnoreCase) || string.Equals(password, username, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("The password must differ from the email and the username.");
        }
        return problems;
    }
}
