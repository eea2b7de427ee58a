using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Talks.Api.Hosting.Json;

/// <summary>
/// Accepts a date-time only with its offset ("2025-05-16T12:30:00+03:00" or "…Z"). Without one, the server's own
/// time zone would silently decide what the analyst meant.
/// </summary>
public sealed partial class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public const string Message = "A date-time needs its UTC offset, e.g. 2025-05-16T12:30:00+03:00 or 2025-05-16T09:30:00Z.";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !WithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException(Message);
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
