using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Records;

namespace Talks.Api.ApiDocument;

/// <summary>
/// Makes two schema facts come from the serializer that reads and writes the bodies, not from C# nullability:
/// <list type="bullet">
/// <item>A request property is required exactly when the serializer rejects a body without it (a C# <c>required</c>
/// member). A non-nullable list with a default, like a whole round's <c>positions</c>, may be left out.</item>
/// <item>A nullable enum allows null. Swashbuckle refers to the enum's named schema, and OpenAPI 3.0 cannot add null
/// beside a <c>$ref</c> (<c>nullable</c> counts only next to <c>type</c>), so such a property gets the enum inline
/// with <c>nullable</c>. Null is not listed among the values: validators that read <c>nullable</c> add it (Prism
/// does), and Prism silently stops validating a response whose schema then lists null twice.</item>
/// </list>
/// </summary>
internal sealed class SerializerShapeDocs(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties
            || context.Type.IsEnum || context.Type.IsPrimitive || context.Type == typeof(string))
        {
            return;
        }

        var info = json.Value.SerializerOptions.GetTypeInfo(context.Type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (Nullable.GetUnderlyingType(property.PropertyType) is { IsEnum: true }
                && properties.TryGetValue(property.Name, out var documented)
                && NullableEnum(documented, context.SchemaRepository) is { } inline)
            {
                properties[property.Name] = inline;
            }
        }

        if (IsRequest(context.Type))
        {
            concrete.Required = new SortedSet<string>(
                info.Properties.Where(p => p.IsRequired && properties.ContainsKey(p.Name)).Select(p => p.Name), StringComparer.Ordinal);
        }
    }

    /// <summary>Bodies the API reads: the request records and the parts they are made of.</summary>
    private static bool IsRequest(Type type) =>
        typeof(IRequest).IsAssignableFrom(type)
        || type.Name.EndsWith("Request", StringComparison.Ordinal)
        || type.Name.EndsWith("Dto", StringComparison.Ordinal);

    private static OpenApiSchema? NullableEnum(IOpenApiSchema documented, SchemaRepository repository)
    {
        var target = documented switch
        {
            OpenApiSchemaReference reference when reference.Reference.Id is { } id && repository.Schemas.TryGetValue(id, out var named) => named,
            OpenApiSchema inline => inline,
            _ => null,
        };
        if (target is not { Enum: { Count: > 0 } values })
        {
            return null;
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Enum = [.. values.Where(v => v is not null).Select(v => v!.DeepClone())],
            Description = documented.Description ?? target.Description,
        };
    }
}
