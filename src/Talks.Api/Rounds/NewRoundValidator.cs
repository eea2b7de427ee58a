using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Agreements;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Records;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Data;
using Talks.Api.Rules;
using Talks.Data.Entities;

namespace Talks.Api.Rounds;

/// <summary>
/// Validates a round posted whole: the round itself, then every part with that part's own validator, where a
/// reference may also point at something sent in the same request.
/// </summary>
public sealed class NewRoundRequestValidator : AbstractValidator<NewRoundRequest>
{
    private const int MaxParts = 500;

    public NewRoundRequestValidator(
        TalksDbContext db,
        IValidator<RoundRequest> round,
        IValidator<SourceRequest> source,
        IValidator<PartyRequest> party,
        IValidator<PersonRequest> person,
        IValidator<PositionRequest> position,
        IValidator<StatementRequest> statement,
        IValidator<AgreementRequest> agreement)
    {
        // First, so every part's reference checks below find their ids looked up in one query per table.
        RuleFor(r => r).CustomAsync((r, context, ct) => LookUpReferencesAsync(db, r, context, ct));

        Include(round);

        Part(r => r.Sources, source, db.Sources, s => s.Id,
            taken: id => $"A source with the id '{id}' exists already; cite it instead of sending it.",
            needsId: "Give each new source an id, so the round's parts can cite it.");
        Part(r => r.Parties, party, db.Parties, p => p.Id,
            taken: id => $"A party with the id '{id}' exists already; refer to it instead of sending it.",
            needsId: "Give each new party an id, so the round's parts can refer to it.");
        Part(r => r.People, person, db.People, p => p.Id,
            taken: id => $"A person with the id '{id}' exists already; refer to them instead of sending them.",
            needsId: "Give each new person an id, so the round's parts can refer to them.");
        Part(r => r.Positions, position, db.Positions, p => p.Id,
            taken: id => $"A position with the id '{id}' exists already.", roundIdOf: p => p.RoundId);
        Part(r => r.Statements, statement, db.Statements, s => s.Id,
            taken: id => $"A statement with the id '{id}' exists already.", roundIdOf: s => s.RoundId);
        Part(r => r.Agreements, agreement, db.Agreements, a => a.Id,
            taken: id => $"An agreement with the id '{id}' exists already.", roundIdOf: a => a.RoundId);

        RuleFor(r => r).Custom((r, context) => ReportRepeatedIds(r, context));
    }

    /// <summary>
    /// One kind of part the round brings: the list is there and not too long; each item passes its own validator,
    /// names its id where the round's other parts must refer to it, belongs to this round, and is new.
    /// </summary>
    private void Part<TPart, TEntity>(
        Expression<Func<NewRoundRequest, IEnumerable<TPart>?>> parts, IValidator<TPart> validator, DbSet<TEntity> set,
        Func<TPart, string?> idOf, Func<string, string> taken, string? needsId = null, Func<TPart, string?>? roundIdOf = null)
        where TEntity : Entity
    {
        RuleFor(parts).NotNull().Must(l => l is null || l.Count() <= MaxParts).WithMessage($"At most {MaxParts}.");
        var each = RuleForEach(parts!).SetValidator(validator);
        if (needsId is not null)
        {
            each = each.Must(p => idOf(p) is not null).WithMessage(needsId);
        }

        if (roundIdOf is not null)
        {
            each = each.Must((r, p) => roundIdOf(p) is null || roundIdOf(p) == r.Id).WithMessage("roundId must be this round's id, or left out.");
        }

        each.MustAsync(async (_, p, context, ct) => idOf(p) is not { } id
                || !(WholeRequestIds.Of(context)?.Exists<TEntity>(id) ?? await set.AnyAsync(e => e.Id == id, ct)))
            .WithMessage((_, p) => taken(idOf(p)!));
    }

    /// <summary>Makes the ids this request brings known to every part's reference checks.</summary>
    protected override bool PreValidate(ValidationContext<NewRoundRequest> context, ValidationResult result)
    {
        var r = context.InstanceToValidate;
        WholeRequestIds.Begin(context)
            .Brings<Round>([r.Id ?? ""])
            .Brings<Source>(r.Sources?.Select(s => s.Id) ?? [])
            .Brings<Party>(r.Parties?.Select(p => p.Id) ?? [])
            .Brings<Person>(r.People?.Select(p => p.Id) ?? [])
            .Brings<Position>(r.Positions?.Select(p => p.Id) ?? []);
        return true;
    }

    /// <summary>
    /// Looks up every id the request refers to or brings, one query per table: a round with 25 positions would
    /// otherwise check each party, person and source reference with a query of its own.
    /// </summary>
    private static async Task LookUpReferencesAsync(TalksDbContext db, NewRoundRequest r, IValidationContext context, CancellationToken ct)
    {
        var positions = r.Positions ?? [];
        var statements = r.Statements ?? [];
        var agreements = r.Agreements ?? [];
        var cited = new IEnumerable<ICitedRequest>?[] { [r], r.Parties, r.People, positions, statements, agreements }
            .SelectMany(parts => parts ?? []);

        var ids = WholeRequestIds.Of(context)!;
        await ids.LookUpAsync(db.Sources,
            cited.SelectMany(p => p.SourceIds ?? []).Concat((r.Sources ?? []).Select(s => s.Id)), ct);
        await ids.LookUpAsync(db.Parties,
            (r.Participants ?? []).Select(p => p.PartyId)
                .Concat((r.Delegates ?? []).Select(d => d.PartyId))
                .Concat(positions.Select(p => p.PartyId))
                .Concat(statements.Select(s => s.SpeakerPartyId))
                .Concat(agreements.SelectMany(a => a.Obligations ?? []).SelectMany(o => new[] { o.PartyId, o.BeneficiaryPartyId }))
                .Concat((r.People ?? []).Select(p => p.PartyId))
                .Concat((r.Parties ?? []).Select(p => p.Id)), ct);
        await ids.LookUpAsync(db.People,
            (r.Delegates ?? []).Select(d => d.PersonId)
                .Concat(positions.Select(p => p.VoicedById))
                .Concat(statements.Select(s => s.SpeakerPersonId))
                .Concat((r.People ?? []).Select(p => p.Id)), ct);
        await ids.LookUpAsync(db.Positions,
            positions.Select(p => p.AnswersId).Concat(positions.Select(p => p.Id)), ct);
        await ids.LookUpAsync(db.Statements, statements.Select(s => s.Id), ct);
        await ids.LookUpAsync(db.Agreements, agreements.Select(a => a.Id), ct);
    }

    private static void ReportRepeatedIds(NewRoundRequest r, ValidationContext<NewRoundRequest> context)
    {
        Report("sources", r.Sources?.Select(s => s.Id));
        Report("parties", r.Parties?.Select(p => p.Id));
        Report("people", r.People?.Select(p => p.Id));
        Report("positions", r.Positions?.Select(p => p.Id));
        Report("statements", r.Statements?.Select(s => s.Id));
        Report("agreements", r.Agreements?.Select(a => a.Id));

        void Report(string list, IEnumerable<string?>? ids)
        {
            var seen = new HashSet<string>();
            foreach (var (id, index) in (ids ?? []).Select((id, i) => (id, i)))
            {
                if (id is not null && !seen.Add(id))
                {
                    context.AddFailure($"{list}[{index}].id", $"The id '{id}' appears twice in {list}.");
                }
            }
        }
    }
}
