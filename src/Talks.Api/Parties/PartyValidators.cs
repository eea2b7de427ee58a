using Talks.Data.Entities;
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
        this.OtherNamesFollowTheRules();
        RuleFor(r => r.MemberIds)
            .Must(m => m is null || m.Count <= MaxMembers).WithMessage($"At most {MaxMembers} members.")
            .Must(m => m is null || m.Distinct().Count() == m.Count).WithMessage("Each member is listed once.");
        RuleForEach(r => r.MemberIds).Exists(db.Parties, "party").When(r => r.MemberIds is not null);
        RuleFor(r => r.MemberIds)
            .Must((r, m) => m is null || m.Count == 0 || r.Kind is PartyKind.StateGroup or PartyKind.InternationalOrganisation)
            .WithMessage("Only a group of states (stateGroup) or an international organisation has members.");
    }

    private const int MaxMembers = 200;
}
