using System.Text;

namespace Talks.Api.Tests.Fuzz;

/// <summary>One generated request, replayable from its number, and printable when the answer is wrong.</summary>
public sealed record HostileRequest(
    int Number,
    string Operation,
    string Attack,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    bool Anonymous)
{
    /// <summary>Writes are built to be invalid, so the only right answer to one is a refusal.</summary>
    public bool IsWrite => Method is not "GET";

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"#{Number} [{Operation}] attack: {Attack}{(Anonymous ? ", no key" : ", admin key")}\n");
        text.Append($"  {Method} {Excerpt(Url, 400)}\n");
        if (ContentType is not null)
        {
            text.Append($"  Content-Type: {ContentType}\n");
        }

        foreach (var (name, value) in Headers)
        {
            text.Append($"  {name}: {Excerpt(value, 200)}\n");
        }

        if (Body is not null)
        {
            text.Append($"  body ({Body.Length} bytes): {Excerpt(Encoding.UTF8.GetString(Body), 400)}\n");
        }

        return text.ToString();
    }

    public static string Excerpt(string text, int max)
    {
        var printable = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            printable.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return text.Length > max ? $"{printable}… ({text.Length} chars)" : printable.ToString();
    }
}
