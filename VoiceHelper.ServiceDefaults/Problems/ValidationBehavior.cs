using FluentValidation;
using MediatR;

namespace VoiceHelper.ServiceDefaults.Problems;

/// <summary>
/// Runs every validator of a request once, before its handler, and turns failures into one
/// <see cref="Error.Validation"/> listing every field. Requests that answer <c>Result</c> or <c>Result&lt;T&gt;</c> get it as a value.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(outcome.Errors);
        }
        if (failures.Count == 0)
        {
            return await next();
        }
        var fields = failures
            .GroupBy(f => ToSnakeCase(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var error = Error.Validation(fields);
        if (typeof(TResponse) == typeof(Result))
        {
            return (TResponse)(object)Result.Failure(error);
        }
        if (typeof(TResponse).IsGenericType && typeof(TResponse).GetGenericTypeDefinition() == typeof(Result<>))
        {
            var failure = typeof(TResponse).GetMethod(nameof(Result<int>.Failure))!;
            return (TResponse)failure.Invoke(null, [error])!;
        }
        throw new ValidationException(failures);
    }

    internal static string ToSnakeCase(string name) =>
        string.Join('.', name.Split('.').Select(part => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(part)));
}
