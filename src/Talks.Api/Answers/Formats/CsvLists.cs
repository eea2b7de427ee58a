using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Talks.Api.Answers.ETags;
using Talks.Api.Lists;

namespace Talks.Api.Answers.Formats;

/// <summary>
/// Any list as CSV (<c>Accept: text/csv</c> or <c>format=csv</c>) with the same filters and sort: the whole list,
/// page after page, ready for a spreadsheet. The pages are written to a buffer that moves to a temporary file past a
/// few tens of kilobytes, so a long list never sits in memory, and the answer can carry the ETag of its bytes
/// (If-None-Match → 304) and a Content-Length like every other read.
/// </summary>
internal static class CsvLists
{
    private const int PageSize = Paging.MaxLimit;
    private const int MaxPages = 100_000;

    public static bool Wanted(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(HttpContext http, RequestDelegate next)
    {
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value);
        query.Remove("format");
        query.Remove("fields");
        var cursor = query.TryGetValue("cursor", out var given) ? given.ToString() : null;
        query["limit"] = PageSize.ToString(CultureInfo.InvariantCulture);

        await using var output = new FileBufferingWriteStream();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string[]? columns = null;
        for (var page = 0; page < MaxPages; page++)
        {
            if (cursor is not null)
            {
                query["cursor"] = cursor;
            }

            http.Request.QueryString = QueryString.Create(query);
            var (status, headers, body) = await RunPageAsync(http, next);
            if (status != StatusCodes.Status200OK)
            {
                // Nothing has been sent yet: a page that fails fails the whole answer, never a CSV cut short.
                await PassThroughAsync(http, status, headers, body);
                return;
            }

            using var document = JsonDocument.Parse(body);
            var items = document.RootElement.GetProperty("items");
            if (page == 0)
            {
                columns = items.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
                    ? first.EnumerateObject().Select(p => p.Name).ToArray()
                    : [];
                await WriteLineAsync(output, digest, columns.Select(Cell), http.RequestAborted);
            }

            foreach (var item in items.EnumerateArray())
            {
                await WriteLineAsync(output, digest, columns!.Select(c => item.TryGetProperty(c, out var value) ? Cell(value) : ""), http.RequestAborted);
            }

            var nextCursor = document.RootElement.GetProperty("nextCursor");
            if (nextCursor.ValueKind != JsonValueKind.String || items.GetArrayLength() == 0)
            {
                break;
            }

            cursor = nextCursor.GetString();
        }

        await AnswerAsync(http, output, EntityTags.WithDigest("", digest.GetHashAndReset()));
    }

    private static async Task AnswerAsync(HttpContext http, FileBufferingWriteStream csv, string etag)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Auth:RequireKeyForReads", false)
            ? "private, no-cache"
            : "no-cache";
        response.Headers.Vary = "Accept, Origin";
        if (EntityTags.NoneMatchHits(http.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "text/csv; charset=utf-8";
        var name = http.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        response.ContentLength = csv.Length;
        await csv.DrainBufferAsync(response.Body, http.RequestAborted);
    }

    /// <summary>Runs the list endpoint for one page into a private response, so the real one can stream CSV meanwhile.</summary>
    private static async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> RunPageAsync(HttpContext http, RequestDelegate next)
    {
        var realResponse = http.Features.Get<IHttpResponseFeature>()!;
        var realBody = http.Features.Get<IHttpResponseBodyFeature>()!;
        var response = new HttpResponseFeature();
        using var buffer = new MemoryStream();
        var bodyFeature = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseFeature>(response);
        http.Features.Set<IHttpResponseBodyFeature>(bodyFeature);
        try
        {
            await next(http);
            await bodyFeature.CompleteAsync();
        }
        finally
        {
            http.Features.Set(realResponse);
            http.Features.Set(realBody);
        }

        return (response.StatusCode, response.Headers, buffer.ToArray());
    }

    private static async Task PassThroughAsync(HttpContext http, int status, IHeaderDictionary headers, byte[] body)
    {
        http.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task WriteLineAsync(Stream output, IncrementalHash digest, IEnumerable<string> cells, CancellationToken ct)
    {
        var line = Encoding.UTF8.GetBytes(string.Join(',', cells) + "\r\n");
        digest.AppendData(line);
        await output.WriteAsync(line, ct);
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => Cell(value.GetString()!),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            Cell(string.Join("; ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()))),
        _ => Cell(value.GetRawText()),
    };

    /// <summary>RFC 4180 quoting; text a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static string Cell(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim() ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
