using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Talks.Api.Tests.Fuzz;

/// <summary>
/// Not thread-safe: make one per worker.
/// Builds hostile requests for an operation from its OpenAPI description: a body close enough to valid to reach
/// validation and the database, then broken in one chosen way; odd ids in the path; absurd query parameters; wrong
/// content types and headers. Writes always carry something invalid (a malformed id, no usable If-Match), so none of
/// them may succeed.
/// </summary>
public sealed class HostileRequestGenerator(JsonElement document)
{
    /// <summary>Seeded ids, so some requests get past "not found" to the checks behind it.</summary>
    private static readonly string[] KnownIds =
    [
        "ukraine", "russia", "turkey", "russia-ukraine-direct-talks", "istanbul-2025-05-16", "article-istanbul-talks-2025",
        "istanbul-2025-prisoner-exchange", "rustem-umerov", "fidan-two-paths", HostileInputTests.Release,
    ];

    /// <summary>SQL in lower case: as dangerous to a database, and never mistaken for leaked internals when echoed back.</summary>
    private static readonly string[] Injections =
    [
        "' OR '1'='1", "1; DROP TABLE Parties; --", "\" OR \"\"=\"", "') union select Hash from ApiKeys --", "%' AND 1=1 --",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "\u0000", "\r\nSet-Cookie: a=b", "$where: '1'", "\\", "'", "\"",
    ];

    private static readonly string[] OddIds =
    [
        "", " ", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..", "%2F", "a%2Fb", "%FF%FE", "%C3%28", "%F0%9F%99%82", "null", "-1",
        "99999999999999999999", "UKRAINE", "ukraine%20", "%20ukraine", "%27%20OR%20%271%27%3D%271", "%3Cscript%3E", "%25", "~", "*",
        "con", "%E2%80%AE", "ukraine;drop", "ukraine%0d%0aX-Injected:%201",
    ];

    private static readonly string[] LimitValues =
        ["-1", "0", "201", "100000000000000000000", "abc", "1e3", "", "1.5", " 1", "0x10", "2147483648", "-2147483649", "%00", "1,2"];

    private static readonly string[] DateValues =
        ["2025-02-30", "9999-99-99", "0000-00-00", "2025-13-01", "yesterday", "-1", "2025-05-16T25:61:00+99:00", "99999-01-01", "%00", "2025/05/16"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
        ";;;", "application/merge-patch+json", "application/json; charset=iso-8859-1", "*/*", "application/problem+json", "application/jsonx",
    ];

    /// <summary>None names a version that exists (seeded records are at "1"), so none lets a write through.</summary>
    private static readonly string[] IfMatchValues =
        ["\"abc\"", "W/\"1x\"", "garbage", "\"", "\"-1\"", "\"99999999999999999999\"", "\"x\", \"y\"", new string('9', 5000)];

    private static readonly string[] BadAuthorizations =
        ["Bearer ", "Bearer talks_not-a-real-key", "Basic Zm9vOmJhcg==", "Bearer " + new string('k', 500), "bearer\t' OR 1=1 --", "Token abc"];

    public HostileRequest Create(ApiOperation operation, int number, Random random)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var attacks = new List<string>();

        // Backups ignore any body; with a key every request would write a file, so this one is tried without.
        var anonymous = operation.PathTemplate.Contains("/admin/", StringComparison.Ordinal) || random.Next(100) < 15;
        if (anonymous && random.Next(3) == 0)
        {
            headers.Add(new("Authorization", Pick(random, BadAuthorizations)));
            attacks.Add("bad Authorization");
        }

        var target = PickTarget(operation, random);
        var url = BuildPath(operation, random, target == "path", attacks);
        url += BuildQuery(operation, random, target == "query", attacks);

        byte[]? body = null;
        string? contentType = null;
        if (operation.BodyMediaTypes.Count > 0 || (operation.IsWrite && random.Next(10) == 0))
        {
            contentType = operation.BodyMediaTypes.FirstOrDefault() ?? "application/json";
            body = target == "body" || random.Next(3) == 0
                ? HostileBody(operation, random, attacks)
                : Encoding.UTF8.GetBytes(PoisonedBaseline(operation, random).ToJsonString());
            if (target == "content-type")
            {
                contentType = random.Next(6) == 0 ? null : Pick(random, ContentTypes);
                attacks.Add($"content type {contentType ?? "(none)"}");
            }
        }

        if (operation.Method is "PUT" or "PATCH" or "DELETE" && random.Next(2) == 0)
        {
            headers.Add(new("If-Match", Pick(random, IfMatchValues)));
            attacks.Add("garbage If-Match");
        }

        if (random.Next(10) == 0)
        {
            headers.Add(new("If-None-Match", Pick(random, IfMatchValues)));
            headers.Add(new("Accept", Pick(random, ["application/xml", "*/*;q=abc", "text/html", ";;"])));
            attacks.Add("odd Accept / If-None-Match");
        }

        if (attacks.Count == 0)
        {
            attacks.Add("missing If-Match / poisoned id");
        }

        return new HostileRequest(number, operation.ToString(), string.Join(", ", attacks), operation.Method, url, headers, body, contentType, anonymous);
    }

    private static string PickTarget(ApiOperation operation, Random random)
    {
        var targets = new List<string>();
        if (operation.PathParameters.Count > 0)
        {
            targets.Add("path");
        }

        targets.Add("query");
        if (operation.BodyMediaTypes.Count > 0)
        {
            targets.AddRange(["body", "body", "body", "body", "content-type"]);
        }

        return Pick(random, targets);
    }

    private static string BuildPath(ApiOperation operation, Random random, bool hostile, List<string> attacks)
    {
        var path = operation.PathTemplate;
        foreach (var name in operation.PathParameters)
        {
            string value;
            if (hostile && random.Next(operation.PathParameters.Count) == 0)
            {
                value = random.Next(5) switch
                {
                    0 => new string('a', random.Next(2) == 0 ? 300 : 5000),
                    1 => Uri.EscapeDataString(Pick(random, Injections)),
                    2 => RandomEscapedBytes(random),
                    _ => Pick(random, OddIds),
                };
                attacks.Add($"odd {name}");
            }
            else
            {
                value = random.Next(4) == 0 ? $"no-such-{random.Next(1000)}" : Pick(random, KnownIds);
            }

            // A NUL in the path never reaches the app: Kestrel refuses the request line, and the test host throws.
            path = path.Replace("{" + name + "}", value.Replace("%00", "%01", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        return path;
    }

    private static string BuildQuery(ApiOperation operation, Random random, bool hostile, List<string> attacks)
    {
        if (!hostile)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var parameter in operation.QueryParameters.Where(_ => random.Next(2) == 0))
        {
            parts.Add($"{Uri.EscapeDataString(parameter.Name)}={QueryValue(parameter, random)}");
        }

        switch (random.Next(5))
        {
            case 0:
                parts.Add($"__unknown{random.Next(100)}={Uri.EscapeDataString(Pick(random, Injections))}");
                break;
            case 1:
                parts.Add("limit=1&limit=2&cursor=a&cursor=b");
                break;
            case 2:
                parts.Add(string.Join('&', Enumerable.Range(0, 200).Select(i => $"p{i}={i}")));
                break;
        }

        if (parts.Count == 0)
        {
            parts.Add("limit=-1");
        }

        attacks.Add("absurd query");
        return "?" + string.Join('&', parts);
    }

    private static string QueryValue(QueryParameter parameter, Random random)
    {
        var schema = parameter.Schema;
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return parameter.Name switch
        {
            "limit" => Pick(random, LimitValues),
            "cursor" => random.Next(4) switch
            {
                0 => Convert.ToBase64String(RandomBytes(random, random.Next(1, 64))).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                1 => Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(
                    Pick(random, ["[1,2,3]", "{}", "[null]", "[\"a\",\"b\"]", "\"x\"", "[\"2025-99-99\",\"x\"]", "[\"' OR 1=1\"]"])))),
                2 => new string('A', 10_000),
                _ => Pick(random, ["!!!", "%00", "null", "-1", "%FF"]),
            },
            _ when format is "date" or "date-time" || parameter.Name is "from" or "to" => Pick(random, DateValues),
            _ => random.Next(3) switch
            {
                0 => Uri.EscapeDataString(Pick(random, Injections)),
                1 => new string('z', 5000),
                _ => Pick(random, ["unknown-value", "STATE", "%00", "", "-1", "state,organisation"]),
            },
        };
    }

    /// <summary>The baseline, broken in one way. Returns raw bytes: some attacks are not JSON at all.</summary>
    private byte[] HostileBody(ApiOperation operation, Random random, List<string> attacks)
    {
        var body = PoisonedBaseline(operation, random);
        var attack = random.Next(17);

        // The poisoned id (or key name) keeps a create from succeeding; no attack may swap it for a value that passes.
        var poison = operation.Method == "POST" ? PoisonName(body) : null;
        var strings = Paths(body, n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String && n.GetPath() != "$." + poison).ToList();
        switch (attack)
        {
            case 0:
                var text = body.ToJsonString();
                attacks.Add("truncated JSON");
                return Encoding.UTF8.GetBytes(text[..random.Next(Math.Max(1, text.Length - 1))]);
            case 1:
                attacks.Add("random bytes");
                return RandomBytes(random, random.Next(1, 2000));
            case 2:
                attacks.Add("wrong type");
                SetRandom(body, random, skip: poison, value: Pick(random, new Func<JsonNode?>[]
                {
                    () => JsonValue.Create(42), () => JsonValue.Create(true), () => new JsonArray(1, 2), () => new JsonObject { ["x"] = 1 },
                    () => JsonValue.Create("not-a-number"), () => JsonValue.Create(1.5),
                })());
                break;
            case 3:
                attacks.Add("null");
                if (random.Next(4) == 0)
                {
                    return "null"u8.ToArray();
                }

                SetRandom(body, random, null, skip: poison);
                break;
            case 4:
                attacks.Add("100 KB string");
                SetRandom(body, random, JsonValue.Create(new string('x', 100_000)), strings);
                break;
            case 5:
                attacks.Add("huge array");
                SetRandom(body, random, skip: poison,
                    value: new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create($"id-{i}")).ToArray()));
                break;
            case 6:
                attacks.Add("1,000 levels deep");
                var deep = random.Next(2) == 0
                    ? new string('[', 1000) + new string(']', 1000)
                    : string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000);
                return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? deep : body.ToJsonString().TrimEnd('}') + ",\"nested\":" + deep + "}");
            case 7:
                attacks.Add("invalid UTF-8");
                return Splice(body, random, strings, [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]);
            case 8:
                attacks.Add("control characters");
                if (random.Next(2) == 0)
                {
                    return Splice(body, random, strings, [0x00, 0x01, 0x1B, 0x0A, 0x7F]);
                }

                SetRandom(body, random, JsonValue.Create("a\u0000b\u0001c\u001b[31m\u202e\ud800"), strings);
                break;
            case 9:
                attacks.Add("injection strings");
                foreach (var path in strings)
                {
                    Set(body, path, JsonValue.Create(Pick(random, Injections)));
                }

                break;
            case 10:
                attacks.Add("numeric overflow");
                var numbers = Paths(body, n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
                var overflow = Pick(random,
                    ["1e400", "99999999999999999999", "-9223372036854775809", "2147483648", "-0.0000001", "NaN", "1.7976931348623157e309"]);
                return ReplaceRaw(body, random, numbers.Count > 0 ? numbers : strings, overflow);
            case 11:
                attacks.Add("impossible date");
                var dates = Paths(body, n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    && v.GetValue<string>().StartsWith("2025-", StringComparison.Ordinal)).ToList();
                SetRandom(body, random, JsonValue.Create(Pick(random, DateValues)), dates.Count > 0 ? dates : strings, poison);
                break;
            case 12:
                attacks.Add("unknown enum value");
                var enums = Paths(body, n => n is JsonValue && _enumPaths.Contains(n.GetPath())).ToList();
                SetRandom(body, random, JsonValue.Create(Pick(random, ["not-a-kind", "STATE", "State", "0", "", "state ", "negotiating_party"])),
                    enums.Count > 0 ? enums : strings, poison);
                break;
            case 13:
                attacks.Add("duplicate keys");
                var json = body.ToJsonString();
                var first = body is JsonObject o && o.Count > 0 ? o.First().Key : "id";
                return Encoding.UTF8.GetBytes("{\"" + first + "\":\"dup\"," + json.TrimStart('{'));
            case 14:
                attacks.Add("unknown property");
                if (body is JsonObject unknown)
                {
                    unknown["__proto__"] = new JsonObject { ["isAdmin"] = true };
                    unknown["role"] = "admin";
                }

                break;
            case 15:
                attacks.Add("wrong top-level kind");
                return Encoding.UTF8.GetBytes(Pick(random, ["[]", "\"text\"", "42", "true", "[{}]", "{}", "  ", "\ufeff{}"]));
            default:
                attacks.Add("empty body");
                return [];
        }

        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private readonly HashSet<string> _enumPaths = [];

    /// <summary>A near-valid body; for a create, with an id (or key name) no slug rule accepts, so it cannot succeed.</summary>
    private JsonNode PoisonedBaseline(ApiOperation operation, Random random)
    {
        _enumPaths.Clear();
        var body = operation.BodySchema is { } schema ? Sample(schema, random, 0, "$") ?? new JsonObject() : new JsonObject();
        if (body is not JsonObject obj)
        {
            return body;
        }

        if (obj.Count == 0)
        {
            obj["notes"] = "patched";
        }

        if (operation.Method == "POST" && PoisonName(obj) is { } poison)
        {
            obj[poison] = Pick(random, ["Not A Slug!", "UPPER-CASE", "-leading-dash", "a--b", "spaces in id", "ünïcödé"]);
        }

        return obj;
    }

    private static string? PoisonName(JsonNode body) =>
        body is JsonObject obj ? (obj.ContainsKey("id") || !obj.ContainsKey("name") ? "id" : "name") : null;

    private JsonNode? Sample(JsonElement schema, Random random, int depth, string path)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create("value");
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var options) && options.GetArrayLength() > 0)
            {
                return Sample(options[0], random, depth, path);
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            _enumPaths.Add(path);
            return JsonValue.Create(values[random.Next(values.GetArrayLength())].GetString());
        }

        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString()) : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" when format == "date" => JsonValue.Create("2025-05-16"),
            "string" when format == "date-time" => JsonValue.Create("2025-05-16T10:00:00+03:00"),
            "string" => JsonValue.Create(path.EndsWith("Id", StringComparison.Ordinal) || path.EndsWith("Ids[0]", StringComparison.Ordinal)
                ? Pick(random, KnownIds)
                : $"Fuzz text {random.Next(1000)}"),
            "integer" => JsonValue.Create(random.Next(1, 100)),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "array" => depth > 3 || !schema.TryGetProperty("items", out var items)
                ? new JsonArray()
                : new JsonArray(Sample(items, random, depth + 1, path + "[0]")),
            _ => SampleObject(schema, random, depth, path),
        };
    }

    private JsonObject SampleObject(JsonElement schema, Random random, int depth, string path)
    {
        var result = new JsonObject();
        if (depth > 3 || !schema.TryGetProperty("properties", out var properties))
        {
            return result;
        }

        foreach (var property in properties.EnumerateObject())
        {
            result[property.Name] = Sample(property.Value, random, depth + 1, $"{path}.{property.Name}");
        }

        return result;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    /// <summary>JSON paths (as <see cref="JsonNode.GetPath"/> gives them) of the leaves that match.</summary>
    private static IEnumerable<JsonNode> Paths(JsonNode root, Func<JsonNode, bool> match)
    {
        var stack = new Stack<JsonNode>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (match(node))
            {
                yield return node;
            }

            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a.AsEnumerable(),
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                stack.Push(child);
            }
        }
    }

    private static void Set(JsonNode root, JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                break;
            default:
                _ = root;
                break;
        }
    }

    /// <summary>Replaces one value (of <paramref name="among"/>, else any property) with <paramref name="value"/>.</summary>
    /// <summary>
    /// Replaces one value. Never the poisoned id or name of a create (see <see cref="PoisonedBaseline"/>): an attack
    /// that overwrote it with a valid slug ("yesterday", "not-a-number") would make an acceptable request.
    /// </summary>
    private static void SetRandom(JsonNode root, Random random, JsonNode? value, List<JsonNode>? among = null, string? skip = null)
    {
        skip ??= PoisonName(root);
        among = among?.Where(n => n.GetPath() != $"$.{skip}").ToList();
        if (among is { Count: > 0 })
        {
            Set(root, Pick(random, among), value);
            return;
        }

        if (root is JsonObject obj)
        {
            var names = obj.Select(p => p.Key).Where(k => k != skip).ToList();
            if (names.Count > 0)
            {
                obj[Pick(random, names)] = value;
            }
        }
    }

    /// <summary>Writes <paramref name="raw"/> bytes into a string value, outside what a JSON writer would ever produce.</summary>
    private static byte[] Splice(JsonNode body, Random random, List<JsonNode> strings, byte[] raw)
    {
        const string Marker = "@@SPLICE@@";
        if (strings.Count > 0)
        {
            Set(body, Pick(random, strings), JsonValue.Create(Marker));
        }
        else if (body is JsonObject obj)
        {
            obj["notes"] = Marker;
        }

        var text = body.ToJsonString();
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [.. Encoding.UTF8.GetBytes(text), .. raw];
        }

        return [.. Encoding.UTF8.GetBytes(text[..at]), .. raw, .. Encoding.UTF8.GetBytes(text[(at + Marker.Length)..])];
    }

    /// <summary>Puts a literal that no .NET number holds where a value was.</summary>
    private static byte[] ReplaceRaw(JsonNode body, Random random, List<JsonNode> targets, string literal)
    {
        const string Marker = "@@NUMBER@@";
        if (targets.Count > 0)
        {
            Set(body, Pick(random, targets), JsonValue.Create(Marker));
        }

        return Encoding.UTF8.GetBytes(body.ToJsonString().Replace($"\"{Marker}\"", literal, StringComparison.Ordinal));
    }

    private static string RandomEscapedBytes(Random random) =>
        string.Concat(RandomBytes(random, random.Next(1, 40)).Select(b => $"%{Math.Max(b, (byte)1):X2}"));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
