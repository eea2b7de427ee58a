using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Lists;
using Talks.Api.Names;
using Talks.Api.Rules;
using Talks.Api.Hosting.OpenApiParts;

namespace Talks.Api.ApiDocument;

/// <summary>
/// States the API's limits in the OpenAPI document, as the OWASP API Security rules ask (API4, resource consumption):
/// a bound on every string, number and list; the rate-limit headers every answer carries; and the 429, 500 and 503
/// problems any operation can give, with 507 for a write (the database's storage is full). Generated clients and API
/// gateways read these, so the bounds are the real ones.
/// </summary>
internal sealed class OwaspDocs : IDocumentFilter
{
    /// <summary>Slugs are at most 100 characters (<see cref="Slug"/>); cursors are opaque but short.</summary>
    private const int IdLength = 100;
    private const int CursorLength = 1000;

    /// <summary>
    /// Lists inside a record (sources, participants, obligations): far more than any real record has; a body can hold
    /// no more than the 1 MB request limit in any case.
    /// </summary>
    private const int ListLength = 1000;

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            Bound(schema, name, name.StartsWith("PageOf", StringComparison.Ordinal));
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        foreach (var path in document.Paths.Values)
        {
            foreach (var (method, operation) in path.Operations?.ToList() ?? [])
            {
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                {
                    Bound(parameter.Schema, parameter.Name ?? "", page: false);
                }

                foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                {
                    Bound(media.Schema, "", page: false);
                }

                operation.Responses ??= [];
                operation.Responses.TryAdd("429", ProblemResponse("TooManyRequests",
                    "Too many requests from this key or address; wait for Retry-After seconds.", problem, retryAfter: true));
                operation.Responses.TryAdd("500", ProblemResponse("ServerError",
                    "An unexpected failure; the traceId identifies it in the server's log.", problem, retryAfter: false));
                operation.Responses.TryAdd("503", ProblemResponse("DatabaseUnavailable",
                    "The database cannot be reached (a restart, a lost connection); try again after Retry-After seconds.", problem, retryAfter: true));
                if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options)
                {
                    operation.Responses.TryAdd("507", ProblemResponse("StorageFull",
                        "The database's storage is full, so nothing was written; send it again once space is freed.", problem, retryAfter: false));
                }

                foreach (var (status, response) in operation.Responses)
                {
                    if (response is not OpenApiResponse concrete)
                    {
                        continue;
                    }

                    if (status.StartsWith('2') || status.StartsWith('4'))
                    {
                        AddRateLimitHeaders(concrete);
                    }

                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers.TryAdd("Access-Control-Allow-Origin", new OpenApiHeader
                    {
                        Description = "The caller's origin, when it is one of Cors:AllowedOrigins; absent otherwise.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2048 },
                    });
                    foreach (var (name, header) in concrete.Headers)
                    {
                        Bound(header.Schema, name, page: false);
                    }

                    foreach (var media in concrete.Content?.Values ?? [])
                    {
                        Bound(media.Schema, "", page: false);
                    }
                }
            }
        }
    }

    private static void Bound(IOpenApiSchema? candidate, string name, bool page)
    {
        if (candidate is not OpenApiSchema schema)
        {
            return;
        }

        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 } && schema.Const is null && schema.MaxLength is null)
        {
            schema.MaxLength = schema.Format switch
            {
                "date" => 10,
                "date-time" => 40,
                _ when name is "id" or "cursor" or "nextCursor" => name == "id" ? IdLength : CursorLength,
                _ when name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal) => IdLength,
                _ when name.Length > 0 && char.IsUpper(name[0]) => 200,
                _ => RecordRules.TextLength,
            };
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var wide = schema.Format == "int64";
            schema.Minimum ??= (wide ? long.MinValue : int.MinValue).ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= (wide ? long.MaxValue : int.MaxValue).ToString(CultureInfo.InvariantCulture);
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            schema.MaxItems ??= page && name == "items" ? Paging.MaxLimit : ListLength;
            Bound(schema.Items, name, page: false);
        }

        foreach (var (property, child) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Bound(child, property, page);
        }

        foreach (var part in (schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            Bound(part, name, page);
        }

        if (schema.AdditionalProperties is { } additional)
        {
            Bound(additional, name, page: false);
        }
    }

    private static OpenApiResponse ProblemResponse(string name, string description, IOpenApiSchema problem, bool retryAfter)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
            Headers = new Dictionary<string, IOpenApiHeader>(),
        };
        if (retryAfter)
        {
            response.Headers["Retry-After"] = IntegerHeader("Seconds to wait before trying again.");
        }

        return SharedResponseParts.Named(name, response);
    }

    private static void AddRateLimitHeaders(OpenApiResponse response)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd("RateLimit-Limit", IntegerHeader("Requests allowed per window for this key (or, without a key, this address)."));
        response.Headers.TryAdd("RateLimit-Remaining", IntegerHeader("Requests left in the current window."));
        response.Headers.TryAdd("RateLimit-Reset", IntegerHeader("Seconds until the window starts afresh."));
    }

    private static OpenApiHeader IntegerHeader(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "0",
            Maximum = int.MaxValue.ToString(CultureInfo.InvariantCulture),
        },
    };
}
