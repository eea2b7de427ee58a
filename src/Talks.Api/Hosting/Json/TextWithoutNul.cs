using System.Text.Json;
using System.Text.Json.Serialization;

namespace Talks.Api.Hosting.Json;

/// <summary>
/// Text may not hold the NUL character. PostgreSQL cannot store it at all and SQLite's C side cuts strings at it, so
/// a NUL in a body, a query parameter or a path is refused with a 400 naming where it is — before any database sees it.
/// </summary>
public static class TextWithoutNul
{
    public const string Message = "Text may not contain the NUL character (\\u0000).";

    /// <summary>Request bodies: every JSON string is read through this converter.</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // Without a message the serializer words it ("could not be converted"), as for any other wrong type.
                throw new JsonException();
            }

            var text = reader.GetString();
            return text is not null && text.Contains('\0') ? throw new JsonException(Message) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
