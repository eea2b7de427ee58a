using FluentValidation;
using Talks.Data;
using Talks.Api.Rules;

namespace Talks.Api.People;

public sealed class PersonRequestValidator : CitedRequestValidator<PersonRequest>
{
    public PersonRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.Office).MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.OfficeSince).Must(d => d is null || (d >= DateRules.Earliest && d.Value.Year <= 2200)).WithMessage("officeSince is out of range.");
        RuleFor(r => r.Offices).Must(o => o is null || o.Count <= MaxOffices).WithMessage($"At most {MaxOffices} offices.");
        RuleForEach(r => r.Offices).ChildRules(office =>
        {
            office.RuleFor(o => o.Title).NotEmpty().MaximumLength(RecordRules.NameLength);
            office.RuleFor(o => o.PartyId).Exists(db.Parties, "party");
            office.RuleFor(o => o.From).Must(d => d is null || (d >= DateRules.Earliest && d.Value.Year <= 2200)).WithMessage("from is out of range.");
            office.RuleFor(o => o.To).Must((o, to) => to is null || o.From is null || to >= o.From).WithMessage("to cannot be before from.");
        }).When(r => r.Offices is not null);
        RuleFor(r => r.Offices)
            .Must(o => o is null || o.Take(o.Count - 1).All(e => e.To is not null))
            .WithMessage("Only the last office may be without an end: it is the one held now.")
            .Must(o => o is null || InOrder(o))
            .WithMessage("List offices oldest first: one starts before the office listed ahead of it.");
        RuleFor(r => r.PartyId).Exists(db.Parties, "party");
        RuleFor(r => r.Notes).MaximumLength(RecordRules.TextLength);
    }

    private const int MaxOffices = 50;

    private static bool InOrder(IReadOnlyList<OfficeDto> offices)
    {
        var starts = offices.Where(o => o.From is not null).Select(o => o.From!.Value).ToList();
        return starts.SequenceEqual(starts.Order());
    }
}
