// Serves responses captured from the real API, byte for byte, from memory: GET /path?query answers the bytes
// recorded for exactly that target. What is left is the cost of Kestrel and HTTP itself, the ceiling the API is
// measured against. Usage: Ceiling --responses DIR --urls URL, where DIR/index.tsv lists "target<TAB>file" lines.
using System.Collections.Frozen;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var folder = app.Configuration["responses"] ?? throw new InvalidOperationException("--responses DIR is required.");
var responses = File.ReadLines(Path.Combine(folder, "index.tsv"))
    .Select(line => line.Split('\t'))
    .Where(parts => parts.Length == 2)
    .ToFrozenDictionary(parts => parts[0], parts => File.ReadAllBytes(Path.Combine(folder, parts[1])));
var ready = "Healthy"u8.ToArray();

app.Run(async context =>
{
    var target = context.Request.Path.Value + context.Request.QueryString.Value;
    if (target == "/health/ready")
    {
        context.Response.ContentType = "text/plain";
        await context.Response.Body.WriteAsync(ready);
    }
    else if (responses.TryGetValue(target, out var body))
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
    else
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
});

await app.RunAsync();
