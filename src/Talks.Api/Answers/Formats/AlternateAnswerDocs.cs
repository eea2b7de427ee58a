using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Answers.Formats;

/// <summary>Puts each alternate answer beside the JSON one under the operation's 200, so a client sees both.</summary>
internal sealed class AlternateAnswerDocs(IOptions<JsonOptions> json) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var answers = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AlternateAnswer>().ToList();
        if (answers.Count == 0 || operation.Responses?.TryGetValue("200", out var found) is not true || found is not OpenApiResponse ok)
        {
            return;
        }

        ok.Content ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (var answer in answers)
        {
            ok.Content[answer.MediaType] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(answer.Shape, context.SchemaRepository),
                Example = answer.Example is null ? null : JsonSerializer.SerializeToNode(answer.Example, answer.Shape, json.Value.SerializerOptions),
            };
        }
    }
}
