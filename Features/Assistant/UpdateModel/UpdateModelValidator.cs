using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.UpdateModel;

public sealed class UpdateModelValidator : ModelSettingsValidator<UpdateModelRequest>;
