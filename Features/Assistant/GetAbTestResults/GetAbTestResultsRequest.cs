using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetAbTestResults;

public sealed record GetAbTestResultsRequest(Guid Id) : IRequest<Result<GetAbTestResultsResponse>>;
