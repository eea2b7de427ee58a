using FluentValidation;
using Talks.Data;
using Talks.Api.Rules;

namespace Talks.Api.Parties;

public sealed class PartyRequestValidator : CitedRequestValidator<PartyRequest>
{
    public PartyRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.CountryCode).Matches("^[A-Z]{2}$").WithMessage("countryCode must be an ISO 3166-1 alpha-2 code such as 'UA'.");
        RuleFor(r => r.Notes).MaximumLength(RecordRules.TextLength);
    }
}
