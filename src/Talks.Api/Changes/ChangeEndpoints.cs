using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Changes;

public static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChangeEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/changes").WithTags("Changes");
        group.MapGet("/", Feed).WithName("ListChanges")
            .WithSummary("Every change to every record, deletions included, oldest first; poll with nextCursor to sync.")
            .WithDescription("sinceRelease=VERSION starts after the last change a release holds; fromNow=true starts after the newest " +
                "change, with an empty page whose nextCursor is where to poll from for what comes next. " + ChangeStream.ResetNote)
            .RejectsUnknownQuery().ProducesProblem(404);
        group.MapChangeStream();
        return api;
    }

    private static async Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> Feed(
        [AsParameters] ChangeFeedQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 1, out var take, out var after);
        long afterSeq = 0;
        if (after is [var seq] && !long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq))
        {
            errors["cursor"] = ["The cursor is not one this list issued."];
        }

        if (query.Collection is not null && !ChangeCapture.Collections.Values.Contains(query.Collection))
        {
            errors["collection"] = [$"Allowed: {string.Join(", ", ChangeCapture.Collections.Values.Order())}."];
        }

        if (query.SinceRelease is not null && !Release.IsVersion(query.SinceRelease))
        {
            errors["sinceRelease"] = ["sinceRelease must be a release version, YYYY.N (e.g. 2025.1)."];
        }
        else if (query.SinceRelease is not null && query.Cursor is not null)
        {
            errors["sinceRelease"] = ["Give sinceRelease or cursor, not both: the cursor already says where to go on from."];
        }

        if (query.FromNow is true && (query.Cursor is not null || query.SinceRelease is not null))
        {
            errors["fromNow"] = ["Give fromNow or a starting point (cursor, sinceRelease), not both."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (query.FromNow is true)
        {
            afterSeq = await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        }
        else if (query.SinceRelease is not null)
        {
            var cut = await db.Releases.Where(r => r.Id == query.SinceRelease).Select(r => (long?)r.ChangeNumber).SingleOrDefaultAsync(ct);
            if (cut is null)
            {
                return Problems.NotFound("release", query.SinceRelease);
            }

            afterSeq = cut.Value;
        }

        var changes = db.Changes.AsNoTracking().Where(c => c.Id > afterSeq);
        if (query.Collection is not null)
        {
            changes = changes.Where(c => c.Collection == query.Collection || c.Kind == ChangeKind.Reset);
        }

        var rows = await changes.OrderBy(c => c.Id).Take(take).ToListAsync(ct);
        var last = rows.Count > 0 ? rows[^1].Id : afterSeq;
        var next = Paging.Encode(last.ToString(CultureInfo.InvariantCulture));
        http.Response.Headers.Link = $"<{Paging.NextUrl(http.Request, next)}>; rel=\"next\"";
        return TypedResults.Ok(new Page<ChangeResponse>(rows.Select(ChangeResponse.From).ToList(), next));
    }

    /// <summary>A record's changes, newest first; also answers for a record that has since been deleted.</summary>
    public static async Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        TalksDbContext db, string collection, string singular, string id, HistoryQuery query, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 1, out var take, out var after);
        var beforeSeq = long.MaxValue;
        if (after is [var seq] && !long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out beforeSeq))
        {
            errors["cursor"] = ["The cursor is not one this list issued."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await db.Changes.AsNoTracking()
            .Where(c => c.Collection == collection && c.RecordId == id && c.Id < beforeSeq)
            .OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        if (rows.Count == 0 && after is null)
        {
            return Problems.NotFound(singular, id);
        }

        var page = rows.Select(ChangeResponse.From).ToList().ToPage(take, http, c => Paging.Encode(c.Seq.ToString(CultureInfo.InvariantCulture)));
        return TypedResults.Ok(page);
    }
}
