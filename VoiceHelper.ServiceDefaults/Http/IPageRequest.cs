namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>A request for one page of a list; <see cref="PageRequestValidator{TRequest}"/> checks it for every list.</summary>
public interface IPageRequest
{
    const int DefaultPageSize = 20;
    const int MaxPageSize = 100;

    int Page { get; }
    int PageSize { get; }
}
