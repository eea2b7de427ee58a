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

        RuleFor(r => r.Sources).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Sources).SetValidator(source)
            .Must(s => s.Id is not null).WithMessage("Give each new source an id, so the round's parts can cite it.")
            .MustAsync(async (_, s, context, ct) => s.Id is null
                || !(LookedUpIds.Exists(context, "source", s.Id) ?? await db.Sources.AnyAsync(e => e.Id == s.Id, ct)))
            .WithMessage((_, s) => $"A source with the id '{s.Id}' exists already; cite it instead of sending it.");

        RuleFor(r => r.Parties).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Parties).SetValidator(party)
            .Must(p => p.Id is not null).WithMessage("Give each new party an id, so the round's parts can refer to it.")
            .MustAsync(async (_, p, context, ct) => p.Id is null
                || !(LookedUpIds.Exists(context, "party", p.Id) ?? await db.Parties.AnyAsync(e => e.Id == p.Id, ct)))
            .WithMessage((_, p) => $"A party with the id '{p.Id}' exists already; refer to it instead of sending it.");

        RuleFor(r => r.People).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.People).SetValidator(person)
            .Must(p => p.Id is not null).WithMessage("Give each new person an id, so the round's parts can refer to them.")
            .MustAsync(async (_, p, context, ct) => p.Id is null
                || !(LookedUpIds.Exists(context, "person", p.Id) ?? await db.People.AnyAsync(e => e.Id == p.Id, ct)))
            .WithMessage((_, p) => $"A person with the id '{p.Id}' exists already; refer to them instead of sending them.");

        RuleFor(r => r.Positions).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Positions).SetValidator(position)
            .Must((r, p) => p.RoundId is null || p.RoundId == r.Id).WithMessage("roundId must be this round's id, or left out.")
            .MustAsync(async (_, p, context, ct) => p.Id is null
                || !(LookedUpIds.Exists(context, "position", p.Id) ?? await db.Positions.AnyAsync(e => e.Id == p.Id, ct)))
            .WithMessage((_, p) => $"A position with the id '{p.Id}' exists already.");

        RuleFor(r => r.Statements).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Statements).SetValidator(statement)
            .Must((r, s) => s.RoundId is null || s.RoundId == r.Id).WithMessage("roundId must be this round's id, or left out.")
            .MustAsync(async (_, s, context, ct) => s.Id is null
                || !(LookedUpIds.Exists(context, "statement", s.Id) ?? await db.Statements.AnyAsync(e => e.Id == s.Id, ct)))
            .WithMessage((_, s) => $"A statement with the id '{s.Id}' exists already.");

        RuleFor(r => r.Agreements).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Agreements).SetValidator(agreement)
            .Must((r, a) => a.RoundId is null || a.RoundId == r.Id).WithMessage("roundId must be this round's id, or left out.")
            .MustAsync(async (_, a, context, ct) => a.Id is null
                || !(LookedUpIds.Exists(context, "agreement", a.Id) ?? await db.Agreements.AnyAsync(e => e.Id == a.Id, ct)))
            .WithMessage((_, a) => $"An agreement with the id '{a.Id}' exists already.");

        RuleFor(r => r).Custom((r, context) => ReportRepeatedIds(r, context));
    }

    /// <summary>Makes the ids this request brings known to every part's reference checks.</summary>
    protected override bool PreValidate(ValidationContext<NewRoundRequest> context, ValidationResult result)
    {
        var r = context.InstanceToValidate;
        KnownIds.Add(context, "round", [r.Id ?? ""]);
        KnownIds.Add(context, "source", r.Sources?.Select(s => s.Id) ?? []);
        KnownIds.Add(context, "party", r.Parties?.Select(p => p.Id) ?? []);
        KnownIds.Add(context, "person", r.People?.Select(p => p.Id) ?? []);
        KnownIds.Add(context, "position", r.Positions?.Select(p => p.Id) ?? []);
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

        await LookedUpIds.LoadAsync(context, "source", db.Sources,
            cited.SelectMany(p => p.SourceIds ?? []).Concat((r.Sources ?? []).Select(s => s.Id)), ct);
        await LookedUpIds.LoadAsync(context, "party", db.Parties,
            (r.Participants ?? []).Select(p => p.PartyId)
                .Concat((r.Delegates ?? []).Select(d => d.PartyId))
                .Concat(positions.Select(p => p.PartyId))
                .Concat(statements.Select(s => s.SpeakerPartyId))
                .Concat(agreements.SelectMany(a => a.Obligations ?? []).SelectMany(o => new[] { o.PartyId, o.BeneficiaryPartyId }))
                .Concat((r.People ?? []).Select(p => p.PartyId))
                .Concat((r.Parties ?? []).Select(p => p.Id)), ct);
        await LookedUpIds.LoadAsync(context, "person", db.People,
            (r.Delegates ?? []).Select(d => d.PersonId)
                .Concat(positions.Select(p => p.VoicedById))
                .Concat(statements.Select(s => s.SpeakerPersonId))
                .Concat((r.People ?? []).Select(p => p.Id)), ct);
        await LookedUpIds.LoadAsync(context, "position", db.Positions,
            positions.Select(p => p.AnswersId).Concat(positions.Select(p => p.Id)), ct);
        await LookedUpIds.LoadAsync(context, "statement", db.Statements, statements.Select(s => s.Id), ct);
        await LookedUpIds.LoadAsync(context, "agreement", db.Agreements, agreements.Select(a => a.Id), ct);
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
