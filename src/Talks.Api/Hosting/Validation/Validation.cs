using FluentValidation;
using FluentValidation.Results;

namespace Talks.Api.Hosting.Validation;

public static class Validation
{
    /// <summary>Runs the request's validator before the handler; a failing request never reaches the database.</summary>
    public static RouteHandlerBuilder Validates<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();

    public static async Task<Dictionary<string, string[]>?> ErrorsAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        return result.IsValid ? null : ToErrors(result);
    }

    /// <summary>Error keys follow the JSON the client sent: "Positions[2].PartyId" → "positions[2].partyId".</summary>
    internal static Dictionary<string, string[]> ToErrors(ValidationResult result) =>
        result.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static string JsonPath(string propertyName) =>
        string.IsNullOrEmpty(propertyName)
            ? "body"
            : string.Join('.', propertyName.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    private sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            if (context.Arguments.OfType<TRequest>().FirstOrDefault() is { } request
                && await validator.ErrorsAsync(request, context.HttpContext.RequestAborted) is { } errors)
            {
                return TypedResults.ValidationProblem(errors);
            }

            return await next(context);
        }
    }
}
