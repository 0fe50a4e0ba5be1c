using FluentValidation;

namespace VoiceHelper.Assistant.Common;

/// <summary>The shape of a model's settings; whether the name is taken needs the database and is the handler's.</summary>
public abstract class ModelSettingsValidator<T> : AbstractValidator<T> where T : IModelSettings
{
    public const int MinContextWindow = 512, MaxContextWindow = 10_000_000;

    protected ModelSettingsValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
            .WithMessage("'name' must be letters, digits and . _ : / - (up to 100).");
        RuleFor(r => r.Provider).Must(p => p is not null && ModelProviders.All.Contains(p))
            .WithMessage($"'provider' must be one of {string.Join(", ", ModelProviders.All)}.");
        // Also for ollama: its client's default (this machine's loopback) is not a tenant's to reach.
        RuleFor(r => r.Endpoint).NotEmpty().When(r => r.Provider is ModelProviders.OpenAiCompatible or ModelProviders.Ollama)
            .WithMessage("'endpoint' is required for an openai_compatible or ollama model.");
        RuleFor(r => r.Endpoint).Must(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .When(r => r.Endpoint is not null).WithMessage("'endpoint' must be an absolute http or https address.");
        RuleFor(r => r.Model).NotEmpty().MaximumLength(200).When(r => r.Provider is ModelProviders.OpenAiCompatible or ModelProviders.Ollama)
            .WithMessage("'model' (the provider's model name) is required.");
        RuleFor(r => r.InputPricePer1K).NotNull().InclusiveBetween(0, 1000).WithMessage("'input_price_per_1k' must be 0 to 1000 (USD).")
            .OverridePropertyName("input_price_per_1k");
        RuleFor(r => r.OutputPricePer1K).NotNull().InclusiveBetween(0, 1000).WithMessage("'output_price_per_1k' must be 0 to 1000 (USD).")
            .OverridePropertyName("output_price_per_1k");
        RuleFor(r => r.ContextWindow).NotNull().InclusiveBetween(MinContextWindow, MaxContextWindow)
            .WithMessage($"'context_window' must be {MinContextWindow} to {MaxContextWindow} tokens.");
        RuleFor(r => r.QualityTier).InclusiveBetween(1, 5).When(r => r.QualityTier is not null).WithMessage("'quality_tier' must be 1 to 5.");
    }
}
