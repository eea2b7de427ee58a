using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;
using Talks.Api.Rules;

namespace Talks.Api.Agreements;

/// <summary>
/// Obligations across agreements, by the date they fall due. Without <c>asOf</c> the answer depends on today's date,
/// which no write moves; the read cache keys every answer by the day as well as by the change sequence.
/// </summary>
public static class ObligationEndpoints
{
    public static IEndpointRouteBuilder MapObligationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/obligations").WithTags("Agreements");
        group.MapGet("/", List).WithName("ListObligations")
            .WithSummary("List open obligations by the date they fall due; overdue=true keeps those due before asOf (default today).")
            .RejectsUnknownQuery();
        return app;
    }

    private static async Task<Results<Ok<Page<OpenObligationResponse>>, ValidationProblem>> List(
        [AsParameters] ObligationQuery query, TalksDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = Paging.Check(query.Limit, query.Cursor, 3, out var take, out var after);
        var asOf = query.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (asOf < DateRules.Earliest || asOf.Year > 9000)
        {
            errors["asOf"] = ["asOf must be between 1800-01-01 and 9000-12-31."];
        }

        DateOnly lastDue = default;
        var lastNumber = 0;
        if (after is [var dueText, _, var numberText] && (!DateOnly.TryParseExact(dueText, "O", out lastDue) || !int.TryParse(numberText, out lastNumber)))
        {
            errors["cursor"] = ["The cursor is not one this list issued."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // One query: an obligation is open while its agreement is not implemented and no event of it names its
        // number. dueOn is worked out in SQL the same way the agreement's projection does (AgreementResource).
        var open =
            from o in db.Obligations.AsNoTracking()
            join a in db.Agreements on o.AgreementId equals a.Id
            where a.Status != AgreementStatus.Implemented
                && !db.AgreementEvents.Any(e => e.AgreementId == a.Id && e.Completes.Contains(o.Ordinal))
            select new
            {
                Obligation = o,
                Agreement = a,
                DueOn = o.Deadline ?? (o.DeadlineDays != null && a.AgreedOn != null ? a.AgreedOn.Value.AddDays(o.DeadlineDays.Value) : (DateOnly?)null),
            };
        open = open.Where(x => x.DueOn != null);
        if (query.Overdue is { } overdue)
        {
            open = overdue ? open.Where(x => x.DueOn < asOf) : open.Where(x => x.DueOn >= asOf);
        }

        if (query.TalkId is not null)
        {
            open = open.Where(x => x.Agreement.Round!.TalkId == query.TalkId);
        }

        if (query.PartyId is not null)
        {
            open = open.Where(x => x.Obligation.PartyId == query.PartyId);
        }

        if (after is [_, var lastAgreement, _])
        {
            open = open.Where(x => x.DueOn > lastDue
                || (x.DueOn == lastDue && (string.Compare(x.Agreement.Id, lastAgreement) > 0
                    || (x.Agreement.Id == lastAgreement && x.Obligation.Ordinal > lastNumber))));
        }

        var rows = await open.OrderBy(x => x.DueOn).ThenBy(x => x.Agreement.Id).ThenBy(x => x.Obligation.Ordinal).Take(take + 1)
            .Select(x => new
            {
                AgreementId = x.Agreement.Id,
                AgreementTitle = x.Agreement.Title,
                Number = x.Obligation.Ordinal,
                x.Obligation.PartyId,
                PartyName = x.Obligation.Party!.Name,
                x.Obligation.Description,
                x.Obligation.Deadline,
                x.Obligation.DeadlineDays,
                x.Obligation.Condition,
                DueOn = x.DueOn!.Value,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new OpenObligationResponse(
            r.AgreementId, r.AgreementTitle, r.Number, r.PartyId, r.PartyName, r.Description, r.Deadline, r.DeadlineDays, r.Condition,
            r.DueOn, asOf.DayNumber - r.DueOn.DayNumber)).ToList();
        return TypedResults.Ok(items.ToPage(take, http, o => Paging.Encode(o.DueOn.ToString("O"), o.AgreementId, o.Number.ToString())));
    }
}
