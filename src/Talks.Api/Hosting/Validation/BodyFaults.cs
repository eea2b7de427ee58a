using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Talks.Api.Hosting.Validation;

/// <summary>Every fault of a request body the deserializer refused, and what could not be checked because of them.</summary>
public sealed record BodyFaults(Dictionary<string, string[]> Errors, string Detail);

/// <summary>
/// When a body will not deserialize, an analyst still gets every fault in one answer: its shape (<see cref="JsonShape"/>)
/// and then the request's own validator — required fields, allowed values, references to unknown ids, cross-field
/// rules — run on what remains once the misshapen fields are left out. Only what the misshapen fields would have
/// decided is not checked, and the problem's detail says so.
/// </summary>
public static class BodyFaultFinder
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Lenient = new();

    public const string ShapeDetail =
        "Fields that could not be read are named with what is wrong; every other check ran on the rest of the body, " +
        "so rules that depend on those fields are checked once they are fixed.";

    public const string RulesSkippedDetail =
        "Fields that could not be read are named with what is wrong; the request's other rules could not run on a body " +
        "with these faults and are checked once they are fixed.";

    public const string NotJsonDetail = "The body is not well-formed JSON, so none of its fields could be checked.";

    /// <summary>Finds every fault of <paramref name="body"/> read as <paramref name="requestType"/>.</summary>
    public static async Task<BodyFaults> FindAsync(
        JsonElement body, Type requestType, JsonSerializerOptions options, IValidator? validator, CancellationToken ct)
    {
        var shape = new Dictionary<string, List<string>>();
        var remaining = JsonShape.Check(body, options.GetTypeInfo(requestType), shape);

        var rules = remaining is null ? null : await RulesAsync(remaining, requestType, options, validator, ct);
        foreach (var (field, messages) in rules ?? [])
        {
            // A field already named for its shape would only be named again for the same fault ("is required").
            if (!shape.Keys.Any(s => Covers(s, field)))
            {
                shape[field] = [.. messages];
            }
        }

        var errors = shape.ToDictionary(f => f.Key, f => f.Value.ToArray());
        return new(errors, rules is null ? RulesSkippedDetail : ShapeDetail);
    }

    /// <summary>
    /// Reads the request's body again (see <see cref="RereadableBodies.UseTalksRereadableBodies"/>) and finds its faults; null when the
    /// endpoint takes no typed body or the body cannot be read again.
    /// </summary>
    public static async Task<BodyFaults?> FindAsync(HttpContext http, Endpoint? endpoint, CancellationToken ct)
    {
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null || requestType == typeof(JsonElement) || !http.Request.Body.CanSeek)
        {
            return null;
        }

        http.Request.Body.Position = 0;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, ct);
        }
        catch (JsonException)
        {
            return new([], NotJsonDetail);
        }

        using (document)
        {
            var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var validator = http.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(requestType)) as IValidator;
            return await FindAsync(document.RootElement, requestType, options, validator, ct);
        }
    }

    private static bool Covers(string shapeField, string ruleField) =>
        shapeField == "body"
        || ruleField == shapeField
        || ruleField.StartsWith(shapeField + ".", StringComparison.Ordinal)
        || ruleField.StartsWith(shapeField + "[", StringComparison.Ordinal);

    /// <summary>
    /// The request's validator on what remains of the body, read without its required-property rule (those were
    /// named above). Null when the rules cannot run on it: a rule that meets a value the shape faults left empty
    /// where it expects one fails, and then none of its findings can be trusted.
    /// </summary>
    private static async Task<Dictionary<string, string[]>?> RulesAsync(
        JsonNode remaining, Type requestType, JsonSerializerOptions options, IValidator? validator, CancellationToken ct)
    {
        try
        {
            var request = remaining.Deserialize(requestType, Lenient.GetValue(options, MakeLenient));
            if (request is null || validator is null)
            {
                return request is null ? null : [];
            }

            var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(requestType), request)!;
            var result = await validator.ValidateAsync(context, ct);
            return Validation.ToErrors(result);
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions MakeLenient(JsonSerializerOptions options)
    {
        var lenient = new JsonSerializerOptions(options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(type =>
            {
                foreach (var property in type.Properties)
                {
                    property.IsRequired = false;
                }
            }),
        };
        lenient.MakeReadOnly();
        return lenient;
    }
}
