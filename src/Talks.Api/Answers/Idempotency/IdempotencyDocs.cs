using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Hosting.OpenApiParts;

namespace Talks.Api.Answers.Idempotency;

/// <summary>Documents the optional Idempotency-Key on every POST under /api/v1 and the answers it adds.</summary>
internal sealed class IdempotencyDocs(IOptions<IdempotencyOptions> options) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        if (!string.Equals(description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)
            || !("/" + description.RelativePath).StartsWith(IdempotencyMiddleware.ApiPrefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.KeyHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes the request safe to retry: a unique value per request (e.g. a UUID). The first answer is kept for " +
                $"{options.Value.RetentionHours} hours for this key and caller; a retry with the same body gets it again, " +
                "with 'Idempotent-Replayed: true', and changes nothing.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });

        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers.TryAdd(IdempotencyMiddleware.ReplayedHeader, new OpenApiHeader
                {
                    Description = "'true' when this is the kept answer to an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        Describe(operation, context, "400", "IdempotencyKey", "the Idempotency-Key header is empty, too long or not printable ASCII.");
        Describe(operation, context, "409", "IdempotencyKeyInUse",
            "a request with the same Idempotency-Key is still running; retry after Retry-After seconds.");
        Describe(operation, context, "422", "IdempotencyKeyReused", "the Idempotency-Key was already used with a different request.");
    }

    /// <summary>
    /// Adds the answer, or adds its idempotency meaning to one the endpoint already gives for its own reasons; either
    /// way it is named, so operations that give the same answer share one component.
    /// </summary>
    private static void Describe(OpenApiOperation operation, OperationFilterContext context, string status, string name, string when)
    {
        var sentence = char.ToUpperInvariant(when[0]) + when[1..];
        if (operation.Responses!.TryGetValue(status, out var existing))
        {
            if (existing is OpenApiResponse response && response.Description?.Contains(IdempotencyMiddleware.KeyHeader, StringComparison.Ordinal) != true)
            {
                response.Description = string.IsNullOrWhiteSpace(response.Description) ? sentence : $"{response.Description.TrimEnd('.')}. Also when {when}";
                var reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(
                    int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
                SharedResponseParts.Named(reason.Replace(" ", "", StringComparison.Ordinal) + "Or" + name, response);
            }

            return;
        }

        operation.Responses[status] = SharedResponseParts.Named(name, new OpenApiResponse
        {
            Description = sentence,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
                },
            },
        });
    }
}
