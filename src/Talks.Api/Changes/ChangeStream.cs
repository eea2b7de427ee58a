using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Answers.Shaping;

namespace Talks.Api.Changes;

/// <summary>What a page needs to know to refresh: which record changed, to which version, how.</summary>
public sealed record ChangeEvent(long Seq, string Collection, string Id, long? Version, ChangeKind Kind);

/// <summary>
/// Server-sent events for every change, as they are committed. It reads the same change table as the feed, so it
/// sees writes made through any instance sharing the database; a reconnecting browser resumes from Last-Event-ID.
/// </summary>
internal static class ChangeStream
{
    /// <summary>What a client must do with a reset; shown on the feed and the stream alike.</summary>
    public const string ResetNote =
        "A change of kind 'reset', filed under collection '*' and id '*', means everything was deleted and the seed loaded again " +
        "(POST /api/v1/testing/reset): reload whatever is shown. It is delivered whichever collection is asked for.";

    private const int BatchSize = 200;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static RouteHandlerBuilder MapChangeStream(this RouteGroupBuilder group) =>
        group.MapGet("/stream", StreamAsync).WithName("StreamChanges")
            .WithSummary("Server-sent events (text/event-stream) for every change: event 'change', id = seq, "
                + "data = {seq, collection, id, version, kind}. Resumes after Last-Event-ID (or ?since=seq); without either, "
                + "starts with the next change. A comment line every 15 s keeps proxies from closing it.")
            .WithDescription(ResetNote)
            .WithMetadata(new StreamingEndpoint(), new Microsoft.AspNetCore.Http.Timeouts.DisableRequestTimeoutAttribute())
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem();

    private static async Task<IResult> StreamAsync(
        HttpContext http, TalksDbContext db, ChangeSignal signal, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime,
        string? since, string? collection, CancellationToken requestAborted)
    {
        // Open streams end when the server stops, so they never hold up a graceful shutdown.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        var resumeFrom = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? since;
        long last;
        if (resumeFrom is not null)
        {
            if (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out last))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Last-Event-ID"] = ["Give the id of the last event received."] });
            }
        }
        else
        {
            // From the table itself: the numbers the cache keys by may not yet know a change another instance just made.
            last = await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        }

        if (collection is not null && !global::Talks.Data.ChangeCapture.Collections.Values.Contains(collection))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["collection"] = ["Not a collection of this API."] });
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 2000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        var quietSince = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Read before the query: whatever is numbered up to here, the query below sees.
                var checkedUpTo = signal.Latest;
                var after = last;
                var changes = db.Changes.AsNoTracking().Where(c => c.Id > after);
                if (collection is not null)
                {
                    changes = changes.Where(c => c.Collection == collection || c.Kind == ChangeKind.Reset);
                }

                var batch = await changes.OrderBy(c => c.Id).Take(BatchSize)
                    .Select(c => new ChangeEvent(c.Id, c.Collection, c.RecordId, c.Version, c.Kind)).ToListAsync(ct);
                foreach (var change in batch)
                {
                    var data = JsonSerializer.Serialize(change, json.Value.SerializerOptions);
                    await http.Response.WriteAsync($"id: {change.Seq}\nevent: change\ndata: {data}\n\n", ct);
                    last = change.Seq;
                }

                if (batch.Count > 0)
                {
                    await http.Response.Body.FlushAsync(ct);
                    quietSince = DateTime.UtcNow;
                    if (batch.Count == BatchSize)
                    {
                        continue;
                    }
                }

                if (DateTime.UtcNow - quietSince >= HeartbeatInterval)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    quietSince = DateTime.UtcNow;
                }

                // Changes to other collections move the signal too; waiting past what was checked avoids re-asking.
                var untilHeartbeat = HeartbeatInterval - (DateTime.UtcNow - quietSince);
                await signal.WaitBeyondAsync(Math.Max(checkedUpTo, last), untilHeartbeat > TimeSpan.Zero ? untilHeartbeat : TimeSpan.FromMilliseconds(1), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away, or the server is stopping: either way the stream simply ends.
        }

        return TypedResults.Empty;
    }
}
