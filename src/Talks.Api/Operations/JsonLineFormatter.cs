using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Talks.Api.Operations;

/// <summary>
/// One JSON object per line, with the W3C trace and span ids of the work being logged as top-level fields: the
/// <c>traceId</c> is the one a problem-details body carries and the one a tracing backend searches by, so an error
/// answer leads straight to its log lines. The built-in JSON formatter only nests them inside a list of scopes.
/// </summary>
internal sealed class JsonLineFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "talks-json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Non-ASCII names stay readable; quotes and control characters (a newline in a message) are still escaped,
        // so one entry is always one line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteString("message", message);

            // The console logger formats on the thread that logs, so the current activity is the request's own.
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }

            if (logEntry.EventId.Id != 0 || logEntry.EventId.Name is not null)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
                if (logEntry.EventId.Name is not null)
                {
                    json.WriteString("eventName", logEntry.EventId.Name);
                }
            }

            if (logEntry.Exception is not null)
            {
                json.WriteString("exception", logEntry.Exception.ToString());
            }

            WriteAttributes(json, logEntry.State, scopeProvider);
            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    /// <summary>
    /// The message's named values (<c>{Inserted}</c>) and those of the scopes around it (the request path), under
    /// one object so that no value can clash with the fixed fields above.
    /// </summary>
    private static void WriteAttributes<TState>(Utf8JsonWriter json, TState state, IExternalScopeProvider? scopeProvider)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        json.WriteStartObject("attributes");
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            WriteValues(json, values, written);
        }

        scopeProvider?.ForEachScope(
            static (scope, context) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    WriteValues(context.Json, values, context.Written);
                }
            },
            (Json: json, Written: written));
        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values, HashSet<string> written)
    {
        foreach (var (key, value) in values)
        {
            // The template is already rendered as the message; the activity's ids are already top-level.
            if (key is "{OriginalFormat}" or "TraceId" or "SpanId" or "ParentId" || !written.Add(key))
            {
                continue;
            }

            json.WritePropertyName(key);
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case ulong number:
                    json.WriteNumberValue(number);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case double number when double.IsFinite(number):
                    json.WriteNumberValue(number);
                    break;
                case float number when float.IsFinite(number):
                    json.WriteNumberValue(number);
                    break;
                case decimal number:
                    json.WriteNumberValue(number);
                    break;
                default:
                    json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
