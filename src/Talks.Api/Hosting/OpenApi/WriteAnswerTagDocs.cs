using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Reading;
using Talks.Api.Records;

namespace Talks.Api.Hosting.OpenApi;

/// <summary>Documents the ETag that <see cref="WriteAnswerTags"/> puts on a write's answer when that answer is a record.</summary>
internal sealed class WriteAnswerTagDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var method = description.HttpMethod ?? "";
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
            || !("/" + description.RelativePath).StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var answer in description.SupportedResponseTypes)
        {
            if (answer.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created
                && answer.Type is { } type && typeof(IResource).IsAssignableFrom(type)
                && operation.Responses?.TryGetValue(answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers.TryAdd("ETag", ReadResponseDocs.ETagHeader());
            }
        }
    }
}
