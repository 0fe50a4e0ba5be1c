using System.Text;

namespace VoiceHelper.Identity.Common;

/// <summary>One normal form for emails and usernames, so that "Ann@X.com " and "ann@x.com" are one account.</summary>
public static class AccountNames
{
    public static string NormalizeEmail(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    public static string NormalizeUsername(string username) => username.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
}
