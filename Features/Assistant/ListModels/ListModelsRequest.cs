using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListModels;

public sealed record ListModelsRequest : IRequest<Result<ListModelsResponse>>;
