using FluentValidation;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// The page rules of every list request, registered once as an open generic (see <c>AddMediatorFrom</c>):
/// the container offers it only for requests that implement <see cref="IPageRequest"/>.
/// </summary>
public sealed class PageRequestValidator<TRequest> : AbstractValidator<TRequest> where TRequest : IPageRequest
{
    public PageRequestValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, IPageRequest.MaxPageSize);
    }
}
