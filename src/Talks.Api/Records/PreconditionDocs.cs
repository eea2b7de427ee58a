using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Records;

/// <summary>
/// Documents If-Match on the updates and deletes that demand it: those that declare the 412 and 428 answers
/// (<see cref="EndpointConventions.WritesExisting"/>), since <see cref="Preconditions.Check"/> gives them.
/// </summary>
internal sealed class PreconditionDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null || !operation.Responses.ContainsKey("428") || !operation.Responses.ContainsKey("412"))
        {
            return;
        }

        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, "If-Match", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = true,
            Description = "The ETag of the version this change is based on, as a read or the last write gave it. " +
                "Missing: 428; another version: 412 with the current ETag.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 1000 },
        });
        Describe(operation, "412", "Precondition Failed: If-Match names a version that is no longer current; the answer carries the current ETag.");
        Describe(operation, "428", "Precondition Required: If-Match is missing.");
    }

    private static void Describe(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses![status] is OpenApiResponse response
            && (string.IsNullOrWhiteSpace(response.Description) || response.Description == ReasonPhrase(status)))
        {
            response.Description = description;
        }
    }

    private static string ReasonPhrase(string status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
}
