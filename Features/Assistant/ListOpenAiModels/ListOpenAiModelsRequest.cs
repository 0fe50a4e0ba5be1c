using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListOpenAiModels;

public sealed record ListOpenAiModelsRequest : IRequest<Result<ListOpenAiModelsResponse>>;
