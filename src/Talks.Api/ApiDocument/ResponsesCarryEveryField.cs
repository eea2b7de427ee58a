using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.ApiDocument;

/// <summary>
/// Responses always carry every field, writing null rather than leaving one out; saying so makes generated clients
/// type them as present (and nullable where they may be null) instead of optional. The exception is a property marked
/// to be left out when null (linked data leaves out what is not known), which is optional.
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

        var leftOutWhenNull = context.Type.GetProperties()
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);
        concrete.Required = new SortedSet<string>(concrete.Properties.Keys.Where(k => !leftOutWhenNull.Contains(k)), StringComparer.Ordinal);
    }
}
