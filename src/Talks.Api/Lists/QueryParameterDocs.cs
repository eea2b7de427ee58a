using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Hosting.OpenApiParts;

namespace Talks.Api.Lists;

/// <summary>
/// Describes list query parameters as clients use them: camelCase names (binding ignores case), the limit's range,
/// the cursor's meaning and the allowed values of enum filters.
/// </summary>
internal sealed class QueryParameterDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is null)
        {
            return;
        }

        var queryRecords = context.MethodInfo.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .Select(p => p.ParameterType)
            .ToList();

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            var name = parameter.Name ?? "";
            var camel = name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
            parameter.Name = camel;

            switch (camel)
            {
                case "limit":
                    parameter.Description = $"Items per page, 1 to {Paging.MaxLimit}; {Paging.DefaultLimit} when omitted.";
                    if (parameter.Schema is OpenApiSchema limitSchema)
                    {
                        limitSchema.Minimum = "1";
                        limitSchema.Maximum = Paging.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        limitSchema.Default = JsonValue.Create(Paging.DefaultLimit);
                    }

                    break;
                case "cursor":
                    parameter.Description = "The nextCursor of the previous page, as given; opaque.";
                    break;
            }

            var values = queryRecords
                .Select(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                    .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?.GetCustomAttributes().OfType<IFilterValues>().FirstOrDefault())
                .FirstOrDefault(v => v is not null);
            if (values is not null && parameter.Schema is OpenApiSchema schema)
            {
                schema.Enum = values.Values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
            }
        }
    }
}
