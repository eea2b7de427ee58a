using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Talks.Api.Lists;

/// <summary>The paging part of every list's query string.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Checks limit and cursor; the errors name the parameter at fault.</summary>
    public static Dictionary<string, string[]> Check(int? limit, string? cursor, int cursorKeys, out int take, out string[]? after)
    {
        var errors = new Dictionary<string, string[]>();
        take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        after = null;
        if (cursor is not null)
        {
            after = Decode(cursor);
            if (after is null || after.Length != cursorKeys)
            {
                errors["cursor"] = ["The cursor is not one this list issued."];
            }
        }

        return errors;
    }

    /// <summary>Keys of the last item, packed so clients treat them as opaque.</summary>
    public static string Encode(params string[] keys) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(keys));

    private static string[]? Decode(string cursor)
    {
        try
        {
            var keys = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            return keys is not null && keys.All(k => k is not null) ? keys : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Trims the look-ahead item, sets the Link header and builds the page.</summary>
    public static Page<T> ToPage<T>(this List<T> fetched, int take, HttpContext http, Func<T, string> cursorOf)
    {
        if (fetched.Count <= take)
        {
            return new Page<T>(fetched, null);
        }

        fetched.RemoveAt(fetched.Count - 1);
        var next = cursorOf(fetched[^1]);
        http.Response.Headers.Link = $"<{NextUrl(http.Request, next)}>; rel=\"next\"";
        return new Page<T>(fetched, next);
    }

    /// <summary>The same request with the cursor replaced: filters, sort and limit carry over.</summary>
    public static string NextUrl(HttpRequest request, string cursor)
    {
        var query = new StringBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }

        query.Append(query.Length == 0 ? '?' : '&').Append("cursor=").Append(Uri.EscapeDataString(cursor));
        return $"{request.PathBase}{request.Path}{query}";
    }
}
