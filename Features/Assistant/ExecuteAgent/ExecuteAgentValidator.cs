using FluentValidation;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>Shape only; whether a named tool exists (an MCP server's) is the handler's to say (unknown_tool).</summary>
public sealed class ExecuteAgentValidator : AbstractValidator<ExecuteAgentRequest>
{
    public ExecuteAgentValidator()
    {
        RuleFor(r => r.Body.Task).NotEmpty().MaximumLength(ExecuteAgentBody.MaxTaskLength)
            .Must(t => t is null || t.Trim().Length > 0).WithMessage("'task' must contain text.")
            .OverridePropertyName(nameof(ExecuteAgentBody.Task));
        RuleFor(r => r.Body.Mode).Must(m => ExecuteAgentModes.All.Contains(m))
            .WithMessage($"Use one of: {string.Join(", ", ExecuteAgentModes.All)}.").OverridePropertyName(nameof(ExecuteAgentBody.Mode));
        RuleFor(r => r.Body.MaxSteps).InclusiveBetween(1, ExecuteAgentBody.MaxMaxSteps).OverridePropertyName(nameof(ExecuteAgentBody.MaxSteps));
        RuleFor(r => r.Body.Timeout).InclusiveBetween(1, ExecuteAgentBody.MaxTimeoutSeconds).OverridePropertyName(nameof(ExecuteAgentBody.Timeout));
        RuleFor(r => r.Body.Tools!.Count).InclusiveBetween(1, 64).When(r => r.Body.Tools is not null)
            .WithMessage("'tools' must name 1 to 64 tools, or be omitted for all.").OverridePropertyName(nameof(ExecuteAgentBody.Tools));
        RuleForEach(r => r.Body.Tools).NotEmpty().MaximumLength(128).OverridePropertyName(nameof(ExecuteAgentBody.Tools));
        RuleFor(r => r.Body.KbIds!.Count).LessThanOrEqualTo(20).When(r => r.Body.KbIds is not null).OverridePropertyName(nameof(ExecuteAgentBody.KbIds));
        RuleForEach(r => r.Body.KbIds).NotEqual(Guid.Empty).OverridePropertyName(nameof(ExecuteAgentBody.KbIds));
    }
}
