using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Agreements;
using Talks.Api.Infrastructure;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Data;

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
        Include(round);

        RuleFor(r => r.Sources).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Sources).SetValidator(source)
            .Must(s => s.Id is not null).WithMessage("Give each new source an id, so the round's parts can cite it.")
            .MustAsync(async (s, ct) => s.Id is null || !await db.Sources.AnyAsync(e => e.Id == s.Id, ct))
            .WithMessage((_, s) => $"A source with the id '{s.Id}' exists already; cite it instead of sending it.");

        RuleFor(r => r.Parties).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Parties).SetValidator(party)
            .Must(p => p.Id is not null).WithMessage("Give each new party an id, so the round's parts can refer to it.")
            .MustAsync(async (p, ct) => p.Id is null || !await db.Parties.AnyAsync(e => e.Id == p.Id, ct))
            .WithMessage((_, p) => $"A party with the id '{p.Id}' exists already; refer to it instead of sending it.");

        RuleFor(r => r.People).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.People).SetValidator(person)
            .Must(p => p.Id is not null).WithMessage("Give each new person an id, so the round's parts can refer to them.")
            .MustAsync(async (p, ct) => p.Id is null || !await db.People.AnyAsync(e => e.Id == p.Id, ct))
            .WithMessage((_, p) => $"A person with the id '{p.Id}' exists already; refer to them instead of sending them.");

        RuleFor(r => r.Positions).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Positions).SetValidator(position)
            .Must((r, p) => p.RoundId is null || p.RoundId == r.Id).WithMessage("roundId must be this round's id, or left out.")
            .MustAsync(async (p, ct) => p.Id is null || !await db.Positions.AnyAsync(e => e.Id == p.Id, ct))
            .WithMessage((_, p) => $"A position with the id '{p.Id}' exists already.");

        RuleFor(r => r.Statements).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Statements).SetValidator(statement)
            .Must((r, s) => s.RoundId is null || s.RoundId == r.Id).WithMessage("roundId must be this round's id, or left out.")
            .MustAsync(async (s, ct) => s.Id is null || !await db.Statements.AnyAsync(e => e.Id == s.Id, ct))
            .WithMessage((_, s) => $"A statement with the id '{s.Id}' exists already.");

        RuleFor(r => r.Agreements).NotNull().Must(l => l is null || l.Count <= MaxParts).WithMessage($"At most {MaxParts}.");
        RuleForEach(r => r.Agreements).SetValidator(agreement)
            .Must((r, a) => a.RoundId is null || a.RoundId == r.Id).WithMessage("roundId must be this round's id, or left out.")
            .MustAsync(async (a, ct) => a.Id is null || !await db.Agreements.AnyAsync(e => e.Id == a.Id, ct))
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
