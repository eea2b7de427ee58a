using System.Buffers;

namespace Talks.Api.Releases;

/// <summary>
/// RFC 4180 rows: CRLF after every record, a field quoted when it holds a comma, a quote, CR or LF, and quotes inside
/// doubled. A null and an empty text are both an empty field (Table Schema reads either as missing).
/// </summary>
internal sealed class CsvRows(TextWriter writer)
{
    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\r\n");

    public void Write(IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            if (string.IsNullOrEmpty(field))
            {
                continue;
            }

            if (field.AsSpan().IndexOfAny(NeedQuotes) < 0)
            {
                writer.Write(field);
                continue;
            }

            writer.Write('"');
            writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        writer.Write("\r\n");
    }
}
