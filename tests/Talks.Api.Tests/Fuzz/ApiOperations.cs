using System.Text.Json;

namespace Talks.Api.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document, with what a request to it can carry.</summary>
public sealed record ApiOperation(
    string Method,
    string PathTemplate,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<QueryParameter> QueryParameters,
    IReadOnlyList<string> BodyMediaTypes,
    JsonElement? BodySchema)
{
    public bool IsWrite => Method is not "GET";

    public override string ToString() => $"{Method} {PathTemplate}";
}

public sealed record QueryParameter(string Name, JsonElement Schema);

/// <summary>Reads every operation out of the served OpenAPI document, so a new endpoint is fuzzed without being listed.</summary>
public static class ApiOperations
{
    public static List<ApiOperation> From(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var pathParameters = new List<string>();
                var queryParameters = new List<QueryParameter>();
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        var name = parameter.GetProperty("name").GetString()!;
                        switch (parameter.GetProperty("in").GetString())
                        {
                            case "path":
                                pathParameters.Add(name);
                                break;
                            case "query":
                                queryParameters.Add(new QueryParameter(name, parameter.TryGetProperty("schema", out var s) ? s : default));
                                break;
                        }
                    }
                }

                var mediaTypes = new List<string>();
                JsonElement? bodySchema = null;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    foreach (var media in content.EnumerateObject())
                    {
                        mediaTypes.Add(media.Name);
                        if (bodySchema is null && media.Value.TryGetProperty("schema", out var schema))
                        {
                            bodySchema = schema;
                        }
                    }
                }

                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, pathParameters, queryParameters, mediaTypes, bodySchema));
            }
        }

        return operations;
    }
}
