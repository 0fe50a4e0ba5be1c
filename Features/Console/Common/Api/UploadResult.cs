namespace VoiceHelper.Console.Common.Api;

public sealed record UploadResult(Guid DocumentId, string Status, bool Duplicate);
