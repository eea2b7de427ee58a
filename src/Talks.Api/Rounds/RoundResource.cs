using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Agreements;
using Talks.Api.Hosting.Errors;
using Talks.Api.Positions;
using Talks.Api.Records;
using Talks.Api.Statements;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Lists;

namespace Talks.Api.Rounds;

internal sealed class RoundResource : ResourceKind<Round, RoundRequest, RoundDetailResponse>
{
    /// <summary>A round as lists show it.</summary>
    public static readonly Expression<Func<Round, RoundResponse>> Summary = r => new RoundResponse(
        r.Id,
        r.TalkId,
        r.Sequence,
        r.Status,
        r.Date,
        r.DatePrecision,
        r.EndDate,
        r.EndDatePrecision,
        RoundTimes.Local(r.StartsAtUtc, r.StartsAtOffsetMinutes),
        r.DurationMinutes,
        r.DurationBound,
        r.City,
        r.CountryCode,
        r.Venue,
        r.VenueDescription,
        r.Latitude,
        r.Longitude,
        r.Summary,
        r.Outcome,
        r.Atmosphere,
        r.Participants.OrderBy(p => p.PartyId).ThenBy(p => p.Role)
            .Select(p => new ParticipantDto { PartyId = p.PartyId, Role = p.Role, Notes = p.Notes }).ToList(),
        r.Delegates.OrderBy(d => d.PartyId).ThenBy(d => d.Role).ThenBy(d => d.PersonId)
            .Select(d => new DelegateDto { PersonId = d.PersonId, PartyId = d.PartyId, Role = d.Role, Office = d.Office, Notes = d.Notes }).ToList(),
        r.SourceIds,
        r.Version,
        r.CreatedAt,
        r.UpdatedAt);

    /// <summary>Reads a whole round, related records included; run with split queries, a fixed handful per request.</summary>
    public static readonly RoundResource Kind = new();

    public override string Singular => "round";

    public override string BasePath => "/api/v1/rounds";

    public override Expression<Func<Round, RoundDetailResponse>> Projection { get; } = r => new RoundDetailResponse(
            r.Id,
            new TalkRef(r.Talk!.Id, r.Talk.Title),
            r.Sequence,
            r.Status,
            r.Date,
            r.DatePrecision,
            r.EndDate,
            r.EndDatePrecision,
            RoundTimes.Local(r.StartsAtUtc, r.StartsAtOffsetMinutes),
            r.DurationMinutes,
            r.DurationBound,
            r.City,
            r.CountryCode,
            r.Venue,
            r.VenueDescription,
            r.Latitude,
            r.Longitude,
            r.Summary,
            r.Outcome,
            r.Atmosphere,
            r.Participants.OrderBy(p => p.PartyId).ThenBy(p => p.Role)
                .Select(p => new ParticipantDetail(p.PartyId, p.Party!.Name, p.Role, p.Notes)).ToList(),
            r.Delegates.OrderBy(d => d.PartyId).ThenBy(d => d.Role).ThenBy(d => d.PersonId)
                // The office stated for this round, else the one held on its date (the latest begun, if two were).
                .Select(d => new DelegateDetail(d.PersonId, d.Person!.Name,
                    d.Office ?? d.Person.Offices
                        .Where(o => (o.From == null || o.From <= d.Round!.Date) && (o.To == null || o.To >= d.Round!.Date))
                        .OrderByDescending(o => o.From).ThenByDescending(o => o.Ordinal).Select(o => o.Title).FirstOrDefault(),
                    d.PartyId, d.Role, d.Notes)).ToList(),
            r.Positions.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).AsQueryable().Select(PositionResource.Kind.Projection).ToList(),
            r.Statements.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).AsQueryable().Select(StatementResource.Kind.Projection).ToList(),
            r.Agreements.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).AsQueryable().Select(AgreementResource.Kind.Projection).ToList(),
            r.SourceIds,
            r.Version,
            r.CreatedAt,
            r.UpdatedAt);

    public override string IdSource(RoundRequest r) => $"{r.City} {r.Date:yyyy-MM-dd}";

    // What still belongs to a round: its positions, statements and agreements.
    public override Task<Dictionary<string, List<string>>> FindReferencesAsync(TalksDbContext db, string id, CancellationToken ct) =>
        References.FindAsync(
            ct,
            ("positions", db.Positions.Where(p => p.RoundId == id).Select(p => p.Id)),
            ("statements", db.Statements.Where(s => s.RoundId == id).Select(s => s.Id)),
            ("agreements", db.Agreements.Where(a => a.RoundId == id).Select(a => a.Id)));

    public override IQueryable<Round> ForRead(IQueryable<Round> q) => q.AsSplitQuery();

    /// <summary>Its participants and delegates, one query each: joined, every delegate would repeat every participant.</summary>
    public override IQueryable<Round> ForUpdate(IQueryable<Round> q) => q.Include(r => r.Participants).Include(r => r.Delegates).AsSplitQuery();

    public override Task<ProblemHttpResult?> CheckCreateAsync(TalksDbContext db, Round stored, RoundRequest request, CancellationToken ct) =>
        CheckSequence(db, stored, request, ct);

    public override Task<ProblemHttpResult?> CheckUpdateAsync(TalksDbContext db, Round stored, RoundRequest request, CancellationToken ct) =>
        CheckSequence(db, stored, request, ct);

    public override RoundRequest ToRequest(Round r) => new RoundRequest
    {
        Id = r.Id,
        Sequence = r.Sequence,
        Status = r.Status,
        Date = r.Date,
        DatePrecision = r.DatePrecision,
        StartsAt = RoundTimes.Local(r.StartsAtUtc, r.StartsAtOffsetMinutes),
        DurationMinutes = r.DurationMinutes,
        DurationBound = r.DurationBound,
        City = r.City,
        CountryCode = r.CountryCode,
        Venue = r.Venue,
        VenueDescription = r.VenueDescription,
        Latitude = r.Latitude,
        Longitude = r.Longitude,
        Summary = r.Summary,
        Outcome = r.Outcome,
        Atmosphere = r.Atmosphere,
        Participants = r.Participants.Select(p => new ParticipantDto { PartyId = p.PartyId, Role = p.Role, Notes = p.Notes }).ToList(),
        Delegates = r.Delegates
            .Select(d => new DelegateDto { PersonId = d.PersonId, PartyId = d.PartyId, Role = d.Role, Office = d.Office, Notes = d.Notes }).ToList(),
        SourceIds = r.SourceIds,
    };

    /// <summary>Sorts (default date, oldest first), and what <c>q</c> looks in.</summary>
    public static readonly ListSpec<Round, RoundResponse> List = new()
    {
        Projection = Summary,
        DefaultSort = "date",
        SplitQuery = true,
        Sorts = new Dictionary<string, ISortKey<Round, RoundResponse>>
        {
            ["date"] = Sort.ByDate<Round, RoundResponse>(r => r.Date, r => r.Date),
            ["sequence"] = Sort.ByNumber<Round, RoundResponse>(r => r.Sequence, r => r.Sequence),
            ["id"] = Sort.ByText<Round, RoundResponse>(r => r.Id, r => r.Id),
            ["createdAt"] = Sort.ByTime<Round, RoundResponse>(r => r.CreatedAt, r => r.CreatedAt),
        },
        Text = q => r => r.City.ToLower().Contains(q)
            || (r.Venue != null && r.Venue.ToLower().Contains(q))
            || (r.Summary != null && r.Summary.ToLower().Contains(q))
            || (r.Outcome != null && r.Outcome.ToLower().Contains(q)),
    };

    public override void Apply(RoundRequest r, Round round)
    {
        round.Sequence = r.Sequence ?? round.Sequence;
        round.Status = r.Status;
        round.Date = r.Date;
        round.DatePrecision = r.DatePrecision;
        round.EndDate = r.EndDate;
        round.EndDatePrecision = r.EndDate is null ? null : r.EndDatePrecision ?? DatePrecision.Day;
        round.StartsAtUtc = r.StartsAt?.UtcDateTime;
        round.StartsAtOffsetMinutes = r.StartsAt is { } startsAt ? (int)startsAt.Offset.TotalMinutes : null;
        round.DurationMinutes = r.DurationMinutes;
        round.DurationBound = r.DurationBound;
        round.City = r.City;
        round.CountryCode = r.CountryCode;
        round.Venue = r.Venue;
        round.VenueDescription = r.VenueDescription;
        round.Latitude = r.Latitude;
        round.Longitude = r.Longitude;
        round.Summary = r.Summary;
        round.Outcome = r.Outcome;
        round.Atmosphere = r.Atmosphere;
        round.SourceIds = [.. r.SourceIds];
        round.Participants.Sync(
            r.Participants.Select(p => new RoundParticipant { RoundId = round.Id, PartyId = p.PartyId, Role = p.Role, Notes = p.Notes }).ToList(),
            p => (p.PartyId, p.Role),
            (from, to) => to.Notes = from.Notes);
        round.Delegates.Sync(
            r.Delegates.Select(d => new RoundDelegate
            {
                RoundId = round.Id,
                PersonId = d.PersonId,
                PartyId = d.PartyId,
                Role = d.Role,
                Office = d.Office,
                Notes = d.Notes,
            }).ToList(),
            d => d.PersonId,
            (from, to) =>
            {
                to.PartyId = from.PartyId;
                to.Role = from.Role;
                to.Office = from.Office;
                to.Notes = from.Notes;
            });
    }

    /// <summary>A talk numbers its rounds once each.</summary>
    private static async Task<ProblemHttpResult?> CheckSequence(TalksDbContext db, Round round, RoundRequest request, CancellationToken ct)
    {
        if (request.Sequence is not { } sequence)
        {
            return null;
        }

        var holder = await db.Rounds.Where(r => r.TalkId == round.TalkId && r.Sequence == sequence && r.Id != round.Id)
            .Select(r => r.Id).FirstOrDefaultAsync(ct);
        return holder is null
            ? null
            : Problems.Conflict("The sequence number is taken.", $"Round '{holder}' is already number {sequence} of talk '{round.TalkId}'.");
    }
}

internal static class RoundTimes
{
    /// <summary>The stored UTC start shown in the venue's offset, as it was given.</summary>
    public static DateTimeOffset? Local(DateTime? utc, int? offsetMinutes) =>
        utc is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(offsetMinutes ?? 0)) : null;
}
