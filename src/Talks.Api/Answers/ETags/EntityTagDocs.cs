using Microsoft.OpenApi;

namespace Talks.Api.Answers.ETags;

/// <summary>How the OpenAPI document describes <see cref="EntityTags"/>: the ETag, If-None-Match and the 304.</summary>
public static class EntityTagDocs
{
    private const int MaxHeaderLength = 1000;

    public static OpenApiParameter IfNoneMatch() => new()
    {
        Name = "If-None-Match",
        In = ParameterLocation.Header,
        Description = "The ETag of an earlier answer to the same request: while the answer is unchanged, a bodiless 304 comes back instead.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = MaxHeaderLength },
    };

    /// <summary>The 304 every revalidated read answers; the same everywhere, so the document says it once.</summary>
    public static OpenApiResponse NotModified() => new()
    {
        Description = "Not Modified: If-None-Match names the current ETag; no body.",
        Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header() },
    };

    public static OpenApiHeader Header() => new()
    {
        Description = "Strong ETag of this answer; send it in If-None-Match to revalidate, or in If-Match to update the record.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxHeaderLength },
    };
}
