using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Data.Entities;
using Talks.Api.Answers.ETags;

namespace Talks.Api.Releases;

/// <summary>
/// Documents the download as served: a file, not a shaped read (no fields=), with its digest as ETag, byte ranges,
/// the zip as binary and the JSON form as a Data Package with its rows inline.
/// </summary>
internal sealed class ReleaseDownloadDocs : IOperationFilter
{
    public const string OperationName = "DownloadRelease";

    private const int MaxHeaderLength = 1000;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != OperationName)
        {
            return;
        }

        operation.Parameters ??= [];
        if (operation.Parameters.FirstOrDefault(p => p.Name == "format") is OpenApiParameter format)
        {
            format.Description = "'json' for the JSON document; the Data Package zip otherwise.";
            format.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [ReleaseFormat.Zip, ReleaseFormat.Json] };
        }

        Header(operation, "Range", "One byte range, e.g. bytes=0-1048575 or bytes=-500: a 206 with just those bytes; one starting past the end is a 416.");
        Header(operation, "If-Range", "The ETag of an earlier download: the Range applies only while the bytes are unchanged, else the whole file comes back.");
        Header(operation, "If-None-Match",
            "The ETag of an earlier answer to the same request: while the answer is unchanged, a bodiless 304 comes back instead.");

        var headers = new Dictionary<string, IOpenApiHeader>
        {
            ["ETag"] = EntityTagDocs.Header(),
            ["Accept-Ranges"] = new OpenApiHeader { Description = "bytes", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["bytes"] } },
            ["Content-Disposition"] = new OpenApiHeader
            {
                Description = "attachment, named talks-VERSION.zip or .json.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            },
        };
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The whole release: application/zip (a Frictionless Data Package: datapackage.json with a Table Schema per table, " +
                "and data/TABLE.csv, UTF-8, RFC 4180), or with format=json application/json " +
                "(the same package with each table's rows inline as data). The ETag is the SHA-256 of the file in hex " +
                "(the release's zip.sha256 or json.sha256): the same on every call and every instance.",
            Headers = headers,
            Content = Content(),
        };
        operation.Responses["206"] = new OpenApiResponse
        {
            Description = "Partial Content: the bytes the Range asked for.",
            Headers = new Dictionary<string, IOpenApiHeader>(headers)
            {
                ["Content-Range"] = new OpenApiHeader
                {
                    Description = "bytes FIRST-LAST/LENGTH",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                },
            },
            Content = Content(),
        };
        operation.Responses["304"] = EntityTagDocs.NotModified();
    }

    private static Dictionary<string, IOpenApiMediaType> Content() => new()
    {
        ["application/zip"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = int.MaxValue },
        },
        ["application/json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A tabular data package: profile, name, version, created, changeNumber, and resources, " +
                    "each with its name, Table Schema (schema) and rows (data, one object per row).",
                AdditionalPropertiesAllowed = true,
            },
        },
    };

    private static void Header(OpenApiOperation operation, string name, string description)
    {
        if (!operation.Parameters!.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters!.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = MaxHeaderLength },
            });
        }
    }
}
