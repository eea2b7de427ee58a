using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Talks.Api.Answers.Embedding;
using Talks.Api.Answers.ETags;
using Talks.Api.Answers.Fields;
using Talks.Api.Answers.Formats;
using Talks.Api.Lists;
using Talks.Data;

namespace Talks.Api.Answers.Shaping;

/// <summary>
/// What happens to a handler's answer on its way to the client, in one place and in this order.
/// <list type="number">
/// <item>A read (a GET under /api/v1, streams apart): <c>include=</c> names are checked before the handler runs.</item>
/// <item>A list asked for as CSV is written whole, page after page, and is done (<see cref="CsvLists"/>).</item>
/// <item>Any other read: the handler answers, and a 200 in JSON gets the related records embedded
/// (<see cref="Includes"/>),</item>
/// <item>then only the properties <c>fields=</c> names (<see cref="FieldSelection"/>),</item>
/// <item>then the ETag of exactly those bytes, Cache-Control and Vary, or a bodiless 304 when If-None-Match names that
/// ETag (<see cref="EntityTags"/>).</item>
/// <item>A write (POST, PUT, PATCH under /api/v1) answered with a record gets the ETag a read of it would carry.</item>
/// </list>
/// Each step works on the bytes the one before it made, so the ETag always covers what is sent. The OpenAPI document
/// describes these steps on exactly the operations <see cref="KindOf"/> says they apply to (<see cref="AnswerShapingDocs"/>).
/// </summary>
public sealed class AnswerShaping(RequestDelegate next, IOptions<JsonOptions> json, IConfiguration configuration)
{
    private readonly JsonSerializerOptions serializer = json.Value.SerializerOptions;
    private readonly string cacheControl = configuration.GetValue("Auth:RequireKeyForReads", false) ? "private, no-cache" : "no-cache";

    /// <summary>Which answers are shaped, and how: asked the same way by the OpenAPI document.</summary>
    public static AnswerKind KindOf(string method, PathString path, IEnumerable<object> metadata)
    {
        if (!path.StartsWithSegments("/api/v1") || metadata.OfType<StreamingEndpoint>().Any())
        {
            return AnswerKind.Untouched;
        }

        if (HttpMethods.IsGet(method))
        {
            return metadata.OfType<ListEndpoint>().Any() ? AnswerKind.List : AnswerKind.Read;
        }

        return HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) ? AnswerKind.Write : AnswerKind.Untouched;
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var kind = endpoint is null ? AnswerKind.Untouched : KindOf(http.Request.Method, http.Request.Path, endpoint.Metadata);
        if (kind == AnswerKind.Untouched)
        {
            await next(http);
            return;
        }

        if (kind == AnswerKind.Write)
        {
            await TagWriteAsync(http);
            return;
        }

        IReadOnlyList<Include> asked = [];
        if (endpoint!.Metadata.GetMetadata<Embedded>() is { } embedded && Includes.Asked(http.Request, embedded, out asked) is { } unknown)
        {
            await unknown.ExecuteAsync(http);
            return;
        }

        if (kind == AnswerKind.List && CsvLists.Wanted(http.Request))
        {
            await CsvLists.WriteAsync(http, page => AnswerJsonAsync(page, asked));
            return;
        }

        await ShapeReadAsync(http, asked);
    }

    private async Task ShapeReadAsync(HttpContext http, IReadOnlyList<Include> asked)
    {
        var body = await RenderAsync(http, asked);
        if (body is null)
        {
            return;
        }

        // fields= selects from JSON only; every format gets its ETag (an iCalendar feed as much as JSON).
        if (IsJson(http.Response) && http.Request.Query.TryGetValue("fields", out var fields))
        {
            var (selected, error) = FieldSelection.Apply(body, fields.ToString());
            if (error is not null)
            {
                http.Response.Headers.Remove("Link");
                await FieldSelection.Refusal(error).ExecuteAsync(http);
                return;
            }

            body = selected!;
        }

        var etag = EntityTags.For(http.Response.Headers.ETag.ToString(), body);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.Vary = "Accept, Origin";
        if (EntityTags.NoneMatchHits(http.Request.Headers.IfNoneMatch, etag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            http.Response.Headers.ContentType = default;
            http.Response.Headers.Remove("Link");
            return;
        }

        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// The handler's answer with what <c>include=</c> asked embedded, held back for the next steps; null when it was
    /// not a success and has been passed on as it was.
    /// </summary>
    private async Task<byte[]?> RenderAsync(HttpContext http, IReadOnlyList<Include> asked)
    {
        using var buffer = await BufferedAnswer.CaptureAsync(http, next);
        var body = buffer.ToArray();
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
            return null;
        }

        if (asked.Count > 0 && IsJson(http.Response))
        {
            var db = http.RequestServices.GetRequiredService<TalksDbContext>();
            body = await Includes.EmbedAsync(body, asked, db, serializer, http.RequestAborted);
        }

        return body;
    }

    /// <summary>One page of a list in JSON with its includes, as the CSV writer reads it.</summary>
    private async Task AnswerJsonAsync(HttpContext http, IReadOnlyList<Include> asked)
    {
        if (await RenderAsync(http, asked) is { } body)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    /// <summary>The record a write answers with gets the digest of its bytes beside the version its handler set.</summary>
    private async Task TagWriteAsync(HttpContext http)
    {
        using var buffer = await BufferedAnswer.CaptureAsync(http, next);
        var versionTag = http.Response.Headers.ETag.ToString();
        if (http.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created && versionTag.Length > 2 && IsJson(http.Response))
        {
            http.Response.Headers.ETag = EntityTags.For(versionTag, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static bool IsJson(HttpResponse response) =>
        response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
}

/// <summary>How <see cref="AnswerShaping"/> treats an endpoint's answers.</summary>
public enum AnswerKind
{
    /// <summary>Passed on as the handler wrote it: outside the API, a stream, a DELETE.</summary>
    Untouched,

    /// <summary>A GET of one thing: embedded records, fields, ETag, 304.</summary>
    Read,

    /// <summary>A GET of a list: as a read, and CSV when asked.</summary>
    List,

    /// <summary>A POST, PUT or PATCH: the ETag of the record it answers with.</summary>
    Write,
}
