using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Api.Hosting.Json;
using Talks.Api.Records;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Agreements;

internal sealed class AgreementResource : ResourceKind<Agreement, AgreementRequest, AgreementResponse>
{
    public static readonly Expression<Func<AgreementEvent, AgreementEventResponse>> EventProjection = e => new AgreementEventResponse(
        e.Id, e.AgreementId, e.OccurredOn, e.Description, e.Quantity, e.Unit, e.StatusAfter, e.Completes, e.SourceIds, e.Version, e.CreatedAt, e.UpdatedAt);

    public static readonly AgreementResource Kind = new();

    public override string Singular => "agreement";

    public override string BasePath => "/api/v1/agreements";

    public override Expression<Func<Agreement, AgreementResponse>> Projection { get; } = a => new AgreementResponse(
            a.Id,
            a.RoundId,
            a.Title,
            a.Type,
            a.Status,
            a.Summary,
            a.TopicIds,
            a.AgreedOn,
            a.ImplementationDate,
            a.ImplementationDatePrecision,
            a.ImplementationDateNote,
            a.TermDays,
            a.Renewals.OrderBy(r => r.Ordinal).Select(r => new RenewalDto { RenewedOn = r.RenewedOn, Days = r.Days, Note = r.Note }).ToList(),
            a.Obligations.OrderBy(o => o.Ordinal)
                .Select(o => new ObligationResponse(
                    o.Ordinal, o.PartyId, o.Description, o.Quantity, o.Unit, o.BeneficiaryPartyId, o.Deadline, o.DeadlineDays, o.Condition))
                .ToList(),
            a.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).AsQueryable().Select(EventProjection).ToList(),
            a.SourceIds,
            a.Version,
            a.CreatedAt,
            a.UpdatedAt);

    public override string IdSource(AgreementRequest r) => r.Title;

    public override IQueryable<Agreement> ForRead(IQueryable<Agreement> q) => q.AsSplitQuery();

    /// <summary>Its obligations, renewals and events, one query each: joined, every event would repeat every obligation.</summary>
    public override IQueryable<Agreement> ForUpdate(IQueryable<Agreement> q) =>
        q.Include(a => a.Obligations).Include(a => a.Renewals).Include(a => a.Events).AsSplitQuery();

    public override Task<ProblemHttpResult?> CheckUpdateAsync(TalksDbContext db, Agreement stored, AgreementRequest request, CancellationToken ct) =>
        CheckLifecycle(db, stored, request, ct);

    public override AgreementRequest ToRequest(Agreement a) => new AgreementRequest
    {
        Id = a.Id,
        RoundId = a.RoundId,
        Title = a.Title,
        Type = a.Type,
        Status = a.Status,
        Summary = a.Summary,
        TopicIds = a.TopicIds,
        AgreedOn = a.AgreedOn,
        ImplementationDate = a.ImplementationDate,
        ImplementationDatePrecision = a.ImplementationDatePrecision,
        ImplementationDateNote = a.ImplementationDateNote,
        TermDays = a.TermDays,
        Renewals = a.Renewals.OrderBy(r => r.Ordinal).Select(r => new RenewalDto { RenewedOn = r.RenewedOn, Days = r.Days, Note = r.Note }).ToList(),
        Obligations = a.Obligations.OrderBy(o => o.Ordinal)
                .Select(o => new ObligationDto
                {
                    PartyId = o.PartyId,
                    Description = o.Description,
                    Quantity = o.Quantity,
                    Unit = o.Unit,
                    BeneficiaryPartyId = o.BeneficiaryPartyId,
                    Deadline = o.Deadline,
                    DeadlineDays = o.DeadlineDays,
                    Condition = o.Condition,
                }).ToList(),
        SourceIds = a.SourceIds,
    };

    public override void Apply(AgreementRequest r, Agreement a)
    {
        a.RoundId = r.RoundId!;
        a.Title = r.Title;
        a.Type = r.Type;
        a.Status = r.Status;
        a.Summary = r.Summary;
        a.TopicIds = [.. r.TopicIds ?? []];
        a.AgreedOn = r.AgreedOn;
        a.ImplementationDate = r.ImplementationDate;
        a.ImplementationDatePrecision = r.ImplementationDatePrecision;
        a.ImplementationDateNote = r.ImplementationDateNote;
        a.TermDays = r.TermDays;
        a.SourceIds = [.. r.SourceIds];
        var renewals = (r.Renewals ?? []).Select((renewal, i) => new AgreementRenewal
        {
            AgreementId = a.Id,
            Ordinal = i + 1,
            RenewedOn = renewal.RenewedOn,
            Days = renewal.Days,
            Note = renewal.Note,
        }).ToList();
        a.Renewals.Sync(renewals, x => x.Ordinal, (from, to) =>
        {
            to.RenewedOn = from.RenewedOn;
            to.Days = from.Days;
            to.Note = from.Note;
        });
        var desired = r.Obligations.Select((o, i) => new Obligation
        {
            AgreementId = a.Id,
            Ordinal = i + 1,
            PartyId = o.PartyId,
            Description = o.Description,
            Quantity = o.Quantity,
            Unit = o.Unit,
            BeneficiaryPartyId = o.BeneficiaryPartyId,
            Deadline = o.Deadline,
            DeadlineDays = o.DeadlineDays,
            Condition = o.Condition,
        }).ToList();
        a.Obligations.Sync(desired, o => o.Ordinal, (from, to) =>
        {
            to.PartyId = from.PartyId;
            to.Description = from.Description;
            to.Quantity = from.Quantity;
            to.Unit = from.Unit;
            to.BeneficiaryPartyId = from.BeneficiaryPartyId;
            to.Deadline = from.Deadline;
            to.DeadlineDays = from.DeadlineDays;
            to.Condition = from.Condition;
        });
    }

    /// <summary>
    /// An update may change the status only along the lifecycle; a new agreement may start anywhere. Nor may it drop
    /// an obligation an event says it completed, since the event names it by number.
    /// </summary>
    private static Task<ProblemHttpResult?> CheckLifecycle(TalksDbContext db, Agreement stored, AgreementRequest request, CancellationToken ct)
    {
        // Once events date its moves, a move needs a date too: it is recorded as an event, not written over the status.
        if (stored.OpeningStatus is not null && request.Status != stored.Status)
        {
            return Task.FromResult<ProblemHttpResult?>(Problems.Conflict(
                "Events have moved this agreement; record the new status as an event.",
                $"POST /api/v1/agreements/{stored.Id}/events with statusAfter '{EnumText<AgreementStatus>.Name(request.Status)}' and the date it happened."));
        }

        if (!AgreementLifecycle.CanMove(stored.Status, request.Status))
        {
            return Task.FromResult<ProblemHttpResult?>(
                Problems.Conflict("The lifecycle forbids this status change.", AgreementLifecycle.Explain(stored.Status, request.Status)));
        }

        var dropped = stored.Events.SelectMany(e => e.Completes).Where(n => n > request.Obligations.Count).Distinct().Order().ToList();
        return Task.FromResult(dropped.Count == 0
            ? null
            : Problems.Conflict("An event completed an obligation this change removes.",
                $"Events complete obligation(s) {string.Join(", ", dropped)}; the agreement would keep {request.Obligations.Count}."));
    }

    /// <summary>Sorts (default id), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Agreement, AgreementResponse> List = new()
    {
        Projection = Kind.Projection,
        DefaultSort = "id",
        SplitQuery = true,
        Sorts = new Dictionary<string, ISortKey<Agreement, AgreementResponse>>
        {
            ["id"] = Sort.ByText<Agreement, AgreementResponse>(a => a.Id, r => r.Id),
            ["title"] = Sort.ByText<Agreement, AgreementResponse>(a => a.Title, r => r.Title),
            ["createdAt"] = Sort.ByTime<Agreement, AgreementResponse>(a => a.CreatedAt, r => r.CreatedAt),
        },
        Text = q => a => a.Title.ToLower().Contains(q) || a.Summary.ToLower().Contains(q),
    };
}
