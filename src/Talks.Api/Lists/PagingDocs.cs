using Microsoft.OpenApi;

namespace Talks.Api.Lists;

/// <summary>How the OpenAPI document describes what <see cref="Paging"/> adds to a page beside nextCursor.</summary>
public static class PagingDocs
{
    public static OpenApiHeader LinkHeader() => new()
    {
        Description = "<URL of the next page>; rel=\"next\" — the same list from nextCursor, while there is a next page.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 4000 },
    };
}
