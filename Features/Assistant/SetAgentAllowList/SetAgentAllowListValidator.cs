using FluentValidation;
using VoiceHelper.Assistant.Agent;

namespace VoiceHelper.Assistant.SetAgentAllowList;

public sealed class SetAgentAllowListValidator : AbstractValidator<SetAgentAllowListRequest>
{
    public const int MaxHosts = 100;

    public SetAgentAllowListValidator()
    {
        RuleFor(r => r.List.Hosts).NotNull().Must(h => h is null || h.Count <= MaxHosts).WithMessage($"At most {MaxHosts} hosts.")
            .OverridePropertyName(nameof(AgentAllowList.Hosts));
        RuleForEach(r => r.List.Hosts).ChildRules(entry =>
            entry.RuleFor(e => e.Host).NotEmpty().MaximumLength(253).Must(SetAgentAllowListDecision.IsHost)
                .WithMessage("'host' must be a host name, an IP address or *.domain, without scheme, port or path."))
            .OverridePropertyName(nameof(AgentAllowList.Hosts));
    }
}
