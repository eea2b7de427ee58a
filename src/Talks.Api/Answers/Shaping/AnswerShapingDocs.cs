using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Answers.ETags;
using Talks.Api.Answers.Fields;
using Talks.Api.Answers.Formats;
using Talks.Api.Lists;
using Talks.Api.Records;

namespace Talks.Api.Answers.Shaping;

/// <summary>
/// Documents what <see cref="AnswerShaping"/> adds, on exactly the operations it shapes (it is asked the same
/// question): on reads <c>fields=</c>, for lists <c>format=</c>, the Link header and CSV, then ETag, If-None-Match and
/// the 304; on writes answered with a record, the ETag. Each step's own parts come from that step's folder.
/// </summary>
internal sealed class AnswerShapingDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var kind = AnswerShaping.KindOf(description.HttpMethod ?? "", "/" + description.RelativePath, description.ActionDescriptor.EndpointMetadata);
        if (kind == AnswerKind.Write)
        {
            DescribeWrite(operation, context);
        }
        else if (kind is AnswerKind.Read or AnswerKind.List)
        {
            DescribeRead(operation, context, kind == AnswerKind.List);
        }
    }

    private static void DescribeRead(OpenApiOperation operation, OperationFilterContext context, bool list)
    {
        var description = context.ApiDescription;
        // fields= selects from JSON; an answer in another format only (an iCalendar feed) ignores it.
        var json = description.SupportedResponseTypes.Where(r => r.StatusCode == StatusCodes.Status200OK)
            .SelectMany(r => r.ApiResponseFormats).Any(f => f.MediaType.Contains("json", StringComparison.OrdinalIgnoreCase));
        operation.Parameters ??= [];
        if (json)
        {
            AddParameter(operation, FieldSelectionDocs.Parameter(list));
        }

        if (list)
        {
            AddParameter(operation, CsvDocs.FormatParameter(description.ActionDescriptor.EndpointMetadata.OfType<ListFormat>().ToList()));
        }

        AddParameter(operation, EntityTagDocs.IfNoneMatch());
        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("200", out var found) && found is OpenApiResponse ok)
        {
            ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ok.Headers.TryAdd("ETag", EntityTagDocs.Header());
            if (list)
            {
                ok.Headers.TryAdd("Link", PagingDocs.LinkHeader());
                ok.Content ??= new Dictionary<string, IOpenApiMediaType>();
                ok.Content.TryAdd("text/csv", CsvDocs.Content(context));
            }
        }

        operation.Responses.TryAdd("304", EntityTagDocs.NotModified());
        if (json && !operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = FieldSelectionDocs.Refusal(context);
        }
    }

    private static void DescribeWrite(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var answer in context.ApiDescription.SupportedResponseTypes)
        {
            if (answer.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created
                && answer.Type is { } type && typeof(IResource).IsAssignableFrom(type)
                && operation.Responses?.TryGetValue(answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers.TryAdd("ETag", EntityTagDocs.Header());
            }
        }
    }

    private static void AddParameter(OpenApiOperation operation, OpenApiParameter parameter)
    {
        if (!operation.Parameters!.Any(p => p.In == parameter.In && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters!.Add(parameter);
        }
    }
}
