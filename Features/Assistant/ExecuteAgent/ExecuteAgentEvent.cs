namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>What a run yields, in order: <see cref="ExecuteAgentPlanned"/> (when there is a plan), <see cref="ExecuteAgentStepped"/>s, <see cref="ExecuteAgentFinished"/>.</summary>
public abstract record ExecuteAgentEvent;
