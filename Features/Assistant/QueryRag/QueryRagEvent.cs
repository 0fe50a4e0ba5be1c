namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// What the answer pipeline yields, in order: <see cref="QueryRagSourcesFound"/> once, <see cref="QueryRagDelta"/>s, then
/// <see cref="QueryRagAnswered"/>; or <see cref="QueryRagFailed"/> instead, before anything else.
/// </summary>
public abstract record QueryRagEvent;
