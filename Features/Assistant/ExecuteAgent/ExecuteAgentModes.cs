namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>react: think, act, observe until done; plan_execute: write a plan first, then carry it out step by step.</summary>
public static class ExecuteAgentModes
{
    public const string React = "react";
    public const string PlanExecute = "plan_execute";

    public static readonly string[] All = [React, PlanExecute];
}
