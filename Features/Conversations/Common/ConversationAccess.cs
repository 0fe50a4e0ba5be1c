using VoiceHelper.Contracts;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Who may see and change a conversation. The tenant is already applied by the query filter; within a tenant a
/// conversation belongs to its user, and owners/admins may read (not write) everyone's. Everything else answers
/// 404 like a conversation that does not exist, so ids of others' conversations cannot be probed.
/// </summary>
public static class ConversationAccess
{
    public static bool IsTenantAdmin(IReadOnlyList<string> roles) => roles.Contains(Roles.Owner) || roles.Contains(Roles.Admin);

    public static bool CanRead(Conversation? conversation, Guid? userId, IReadOnlyList<string> roles) =>
        conversation is { DeletedAt: null } && (conversation.UserId == userId || IsTenantAdmin(roles));

    public static bool CanWrite(Conversation? conversation, Guid? userId) =>
        conversation is { DeletedAt: null } && conversation.UserId == userId;
}
