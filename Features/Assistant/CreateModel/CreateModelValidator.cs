using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.CreateModel;

public sealed class CreateModelValidator : ModelSettingsValidator<CreateModelRequest>;
