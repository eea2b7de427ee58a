using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Talks.Api.Infrastructure;

/// <summary>
/// Any list as CSV (<c>Accept: text/csv</c> or <c>format=csv</c>) with the same filters and sort: the whole list,
/// page after page, streamed as each page is read, ready for a spreadsheet.
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
                if (page == 0)
                {
                    await PassThroughAsync(http, status, headers, body);
                }

                return;
            }

            using var document = JsonDocument.Parse(body);
            var items = document.RootElement.GetProperty("items");
            if (page == 0)
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "text/csv; charset=utf-8";
                var name = http.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
                columns = items.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
                    ? first.EnumerateObject().Select(p => p.Name).ToArray()
                    : [];
                await WriteLineAsync(http, columns.Select(Cell));
            }

            foreach (var item in items.EnumerateArray())
            {
                await WriteLineAsync(http, columns!.Select(c => item.TryGetProperty(c, out var value) ? Cell(value) : ""));
            }

            await http.Response.Body.FlushAsync(http.RequestAborted);
            var nextCursor = document.RootElement.GetProperty("nextCursor");
            if (nextCursor.ValueKind != JsonValueKind.String || items.GetArrayLength() == 0)
            {
                return;
            }

            cursor = nextCursor.GetString();
        }
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

    private static Task WriteLineAsync(HttpContext http, IEnumerable<string> cells) =>
        http.Response.WriteAsync(string.Join(',', cells) + "\r\n", Encoding.UTF8, http.RequestAborted);

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
