using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Changes;

/// <summary>
/// Documents what <see cref="ReadYourWrites"/> does: the change number on every successful write's answer, and the
/// header a read may send back to be answered from no earlier than that change.
/// </summary>
internal sealed class ChangeHeaderDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var method = description.HttpMethod ?? "";
        if (!("/" + description.RelativePath).StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return;
        }

        if (HttpMethods.IsGet(method))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ReadYourWrites.SeenChangeHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"The {ReadYourWrites.ChangeHeader} of a write this client made (the largest, if several): the answer is " +
                    "then never from before that write, whichever instance made it and whichever answers. Without it, an " +
                    "instance other than the one written through may answer from before the write for a moment.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
            });
            return;
        }

        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)))
        {
            return;
        }

        foreach (var (status, answer) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && answer is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers.TryAdd(ReadYourWrites.ChangeHeader, new OpenApiHeader
                {
                    Description = "The number of the newest change this write recorded (the change feed's seq), when it recorded " +
                        $"any. Send it as {ReadYourWrites.SeenChangeHeader} on a later read to read this write through any instance.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                });
            }
        }
    }
}
