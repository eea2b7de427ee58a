using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Hosting.OpenApiParts;

namespace Talks.Api.Answers.Fields;

/// <summary>How the OpenAPI document describes <see cref="FieldSelection"/>: the parameter and its 400.</summary>
public static class FieldSelectionDocs
{
    public static OpenApiParameter Parameter(bool list) => new()
    {
        Name = "fields",
        In = ParameterLocation.Query,
        Description = (list ? "Keep only these properties of each item" : "Keep only these properties") +
            ": comma-separated names, 1 to 50 (id is always kept). A name the answer does not have is a 400 listing those it has.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 2000 },
    };

    public static IOpenApiResponse Refusal(OperationFilterContext context) =>
        SharedResponseParts.Named("UnknownFields", new OpenApiResponse
        {
            Description = "fields names a property the answer does not have, or too many.",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(HttpValidationProblemDetails), context.SchemaRepository),
                },
            },
        });
}
