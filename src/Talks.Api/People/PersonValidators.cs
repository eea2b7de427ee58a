using FluentValidation;
using Talks.Api.Infrastructure;
using Talks.Data;

namespace Talks.Api.People;

public sealed class PersonRequestValidator : CitedRequestValidator<PersonRequest>
{
    public PersonRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Rules.NameLength);
        RuleFor(r => r.Office).MaximumLength(Rules.NameLength);
        RuleFor(r => r.PartyId).Exists(db.Parties, "party");
        RuleFor(r => r.Notes).MaximumLength(Rules.TextLength);
    }
}
