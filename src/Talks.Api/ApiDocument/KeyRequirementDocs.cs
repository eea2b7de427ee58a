using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Hosting.OpenApiParts;

namespace Talks.Api.ApiDocument;

/// <summary>
/// Marks operations that need a key, with their 401/403 answers, so Swagger UI's Authorize button applies. The
/// <see cref="SchemeName"/> scheme's description says once that writes need an analyst key; an operation that needs
/// more says so itself. (Admin operations outside /admin cannot name a scheme of their own: OWASP's rules want the
/// /admin scheme used nowhere else.)
/// </summary>
internal sealed class KeyRequirementDocs : IOperationFilter
{
    public const string SchemeName = "ApiKey";

    /// <summary>Admin operations name a scheme of their own, so a gateway or reader sees at once that they are set apart.</summary>
    public const string AdminSchemeName = "AdminKey";

    /// <summary>What the <see cref="SchemeName"/> scheme asks for unless the operation says otherwise (the Keys folder's <c>KeyRoles.Analyst</c>).</summary>
    private const string AnalystPolicy = "analyst";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count == 0)
        {
            return;
        }

        operation.Security ??= [];
        var scheme = context.ApiDescription.RelativePath?.Contains("/admin/", StringComparison.Ordinal) == true ? AdminSchemeName : SchemeName;
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        if (policies.Any(p => p != AnalystPolicy))
        {
            operation.Description = $"Needs a key with the {string.Join(", ", policies.Distinct())} policy. {operation.Description}".Trim();
        }
        // Set, not added: an endpoint that also declares a bare 401 or 403 would otherwise keep "Unauthorized" and
        // "Forbidden", a second pair of answers meaning the same, each written out once more in the generated client.
        operation.Responses ??= [];
        operation.Responses["401"] = Problem("NoValidKey", "No key, or an unknown or revoked one.", context);
        operation.Responses["403"] = Problem("KeyNotAllowed", "The key's role does not allow this.", context);
    }

    private static OpenApiResponse Problem(string name, string description, OperationFilterContext context) => SharedResponseParts.Named(name, new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
            },
        },
    });
}
