namespace VoiceHelper.Contracts;

public static class Roles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Agent = "agent";
    public const string Member = "member";

    public static readonly IReadOnlyList<string> All = [Owner, Admin, Agent, Member];
}
