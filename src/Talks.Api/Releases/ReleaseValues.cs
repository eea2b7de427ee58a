using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Talks.Api.Releases;

/// <summary>How a value is written into a CSV cell: as the API writes it in JSON, so the two forms agree.</summary>
internal static class ReleaseValues
{
    public static readonly JsonSerializerOptions ArrayJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Enum e => JsonNamingPolicy.KebabCaseLower.ConvertName(e.ToString()),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => DateTimeText(t),
        bool b => b ? "true" : "false",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => JsonSerializer.Serialize(list, ArrayJson),
        _ => throw new InvalidOperationException($"No text form for {value.GetType().Name}."),
    };

    public static string DateTimeText(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same value in the JSON form: numbers, booleans and arrays as themselves, the rest as their text.</summary>
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case string:
                json.WriteStringValue((string)value);
                break;
            case IEnumerable list:
                JsonSerializer.Serialize(json, list, ArrayJson);
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }
}
