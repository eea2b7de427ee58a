using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;
using Talks.Api.Names;

namespace Talks.Api.Agreements;

/// <summary>The handlers of an agreement's events: what has happened to it since it was reached.</summary>
public static partial class AgreementEndpoints
{
    private static async Task<Results<Ok<Page<AgreementEventResponse>>, ValidationProblem, ProblemHttpResult>> ListEvents(
        string id, [AsParameters] AgreementEventQuery query, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 2, out var take, out var after);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Agreements.AnyAsync(a => a.Id == id, ct))
        {
            return Problems.NotFound(Resource.Singular, id);
        }

        var events = db.AgreementEvents.AsNoTracking().Where(e => e.AgreementId == id);
        if (after is [var lastDate, var lastId])
        {
            if (!DateOnly.TryParse(lastDate, out var date))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not one this list issued."] });
            }

            events = events.Where(e => e.OccurredOn > date || (e.OccurredOn == date && string.Compare(e.Id, lastId) > 0));
        }

        var items = await events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).Take(take + 1)
            .Select(AgreementResource.EventProjection).ToListAsync(ct);
        return TypedResults.Ok(items.ToPage(take, http, e => Paging.Encode(e.OccurredOn.ToString("O"), e.Id)));
    }

    private static async Task<Results<Ok<AgreementEventResponse>, ProblemHttpResult>> GetEvent(
        string id, string eventId, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var found = await db.AgreementEvents.AsNoTracking().Where(e => e.AgreementId == id && e.Id == eventId)
            .Select(AgreementResource.EventProjection).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Problems.NotFound("event of this agreement", eventId);
        }

        http.SetETag(found.Version);
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Created<AgreementEventResponse>, ValidationProblem, ProblemHttpResult>> AddEvent(
        string id, AgreementEventRequest request, TalksDbContext db, HttpContext http, CancellationToken ct)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return Problems.NotFound(Resource.Singular, id);
        }

        var completes = request.Completes ?? [];
        if (completes.Count > 0)
        {
            var obligations = await db.Obligations.CountAsync(o => o.AgreementId == id, ct);
            var missing = completes.Select((number, i) => (number, i)).Where(c => c.number > obligations)
                .ToDictionary(c => $"completes[{c.i}]", c => new[] { $"The agreement has no obligation {c.number}: it has {obligations}." });
            if (missing.Count > 0)
            {
                return TypedResults.ValidationProblem(missing);
            }
        }

        var eventId = request.Id ?? await Slug.NewIdAsync(db.AgreementEvents, $"{id} {request.OccurredOn:yyyy-MM-dd}", ct);
        if (await db.AgreementEvents.AnyAsync(e => e.Id == eventId, ct))
        {
            return Problems.DuplicateId("agreement event", eventId);
        }

        if (request.StatusAfter is { } next)
        {
            // An event may be recorded after others dated later than it: it moves the agreement from the status it had on
            // its own day, and the agreement's status now is still the one the latest event by date gave it.
            var then = await db.Agreements.AsNoTracking().Where(a => a.Id == id)
                .Select(OnADay.Agreements(request.OccurredOn)).Select(a => a.Status).FirstAsync(ct);
            if (next != then && !AgreementLifecycle.CanMove(then, next))
            {
                return Problems.Conflict("The lifecycle forbids this status change.", AgreementLifecycle.Explain(then, next));
            }

            var later = await db.AgreementEvents.AsNoTracking()
                .Where(e => e.AgreementId == id && e.StatusAfter != null && e.OccurredOn > request.OccurredOn)
                .OrderBy(e => e.OccurredOn).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .Select(e => new { e.OccurredOn, e.StatusAfter }).FirstOrDefaultAsync(ct);
            if (later is { StatusAfter: { } after } && after != next && !AgreementLifecycle.CanMove(next, after))
            {
                return Problems.Conflict("The lifecycle forbids this status change.",
                    $"An event on {later.OccurredOn:yyyy-MM-dd} moves the agreement on from here: "
                    + AgreementLifecycle.Explain(next, after));
            }

            if (next != agreement.Status || later is not null)
            {
                // The status it stood at before events began to move it, kept so days before this one still answer with it.
                agreement.OpeningStatus ??= agreement.Status;
            }

            if (later is null)
            {
                agreement.Status = next;
            }
        }

        db.AgreementEvents.Add(new AgreementEvent
        {
            Id = eventId,
            AgreementId = id,
            OccurredOn = request.OccurredOn,
            Description = request.Description,
            Quantity = request.Quantity,
            Unit = request.Unit,
            StatusAfter = request.StatusAfter,
            Completes = [.. completes],
            SourceIds = [.. request.SourceIds],
        });
        await db.SaveChangesAsync(ct);

        var created = await db.AgreementEvents.AsNoTracking().Where(e => e.Id == eventId).Select(AgreementResource.EventProjection).FirstAsync(ct);
        http.SetETag(created.Version);
        return TypedResults.Created($"/api/v1/agreements/{id}/events/{eventId}", created);
    }
}
