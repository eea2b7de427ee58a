using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Agreements;
using Talks.Api.Hosting.Errors;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Records;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Names;

namespace Talks.Api.Rounds;

/// <summary>
/// Writes a validated <see cref="NewRoundRequest"/>: the round and every part in one SaveChanges, so one
/// transaction — all of it is stored, or none of it. Each part goes through its resource's own mapping.
/// </summary>
internal static class WholeRoundWriter
{
    public static async Task<Results<Created<RoundDetailResponse>, ProblemHttpResult>> WriteAsync(
        TalksDbContext db, string talkId, NewRoundRequest request, HttpContext http, CancellationToken ct)
    {
        var rounds = RoundResource.Kind;
        var roundId = request.Id ?? await Slug.NewIdAsync(db.Rounds, rounds.IdSource(request), ct);
        if (await db.Rounds.AnyAsync(r => r.Id == roundId, ct))
        {
            return Problems.DuplicateId(rounds.Singular, roundId);
        }

        var next = await db.Rounds.Where(r => r.TalkId == talkId).MaxAsync(r => (int?)r.Sequence, ct) ?? 0;
        var roundRequest = request with { Sequence = request.Sequence ?? next + 1 };
        var round = new Round { Id = roundId, TalkId = talkId };
        if (await rounds.CheckCreateAsync(db, round, roundRequest, ct) is { } refused)
        {
            return refused;
        }

        foreach (var source in request.Sources)
        {
            Add(db, SourceResource.Kind, source.Id!, source);
        }

        foreach (var party in request.Parties)
        {
            Add(db, PartyResource.Kind, party.Id!, party);
        }

        foreach (var person in request.People)
        {
            Add(db, PersonResource.Kind, person.Id!, person);
        }

        rounds.Apply(roundRequest, round);
        db.Rounds.Add(round);

        var reserved = new HashSet<string>(request.Positions.Select(p => p.Id).Concat(request.Statements.Select(s => s.Id))
            .Concat(request.Agreements.Select(a => a.Id)).OfType<string>());
        foreach (var position in request.Positions)
        {
            var id = position.Id ?? await Slug.NewIdAsync(db.Positions, PositionResource.Kind.IdSource(position), ct, reserved);
            Add(db, PositionResource.Kind, id, position with { RoundId = roundId });
        }

        foreach (var statement in request.Statements)
        {
            var id = statement.Id ?? await Slug.NewIdAsync(db.Statements, StatementResource.Kind.IdSource(statement), ct, reserved);
            Add(db, StatementResource.Kind, id, statement with { RoundId = roundId });
        }

        foreach (var agreement in request.Agreements)
        {
            var id = agreement.Id ?? await Slug.NewIdAsync(db.Agreements, AgreementResource.Kind.IdSource(agreement), ct, reserved);
            Add(db, AgreementResource.Kind, id, agreement with { RoundId = roundId });
        }

        await db.SaveChangesAsync(ct);

        var created = (await rounds.ReadAsync(db, roundId, ct))!;
        http.SetETag(created.Version);
        return TypedResults.Created($"{rounds.BasePath}/{roundId}", created);
    }

    private static void Add<TEntity, TRequest, TResponse>(TalksDbContext db, ResourceKind<TEntity, TRequest, TResponse> kind, string id, TRequest request)
        where TEntity : Entity, new()
        where TRequest : class, IRequest
        where TResponse : class, IResource
    {
        var entity = new TEntity { Id = id };
        kind.Apply(request, entity);
        db.Add(entity);
    }
}
