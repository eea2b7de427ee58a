using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Infrastructure;

/// <summary>
/// Responses always carry every field, writing null rather than leaving one out; saying so makes generated clients
/// type them as present (and nullable where they may be null) instead of optional.
/// </summary>
internal sealed class ResponsesCarryEveryField : ISchemaFilter
{
    private static readonly string[] ResponseSuffixes = ["Response", "Detail", "Ref"];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var name = context.Type.Name;
        var isResponse = ResponseSuffixes.Any(name.EndsWith) || (context.Type.IsGenericType && name.StartsWith("Page`", StringComparison.Ordinal));
        if (!isResponse || schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        concrete.Required = new SortedSet<string>(concrete.Properties.Keys, StringComparer.Ordinal);
    }
}
