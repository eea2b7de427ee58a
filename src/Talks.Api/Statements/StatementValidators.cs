using FluentValidation;
using Talks.Data;
using Talks.Api.Rules;

namespace Talks.Api.Statements;

public sealed class StatementRequestValidator : CitedRequestValidator<StatementRequest>
{
    public StatementRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.SpeakerPersonId).Exists(db.People, "person");
        RuleFor(r => r.SpeakerPartyId).Exists(db.Parties, "party");
        RuleFor(r => r.SpeakerPartyId).NotEmpty().When(r => r.SpeakerPersonId is null)
            .WithMessage("Name who spoke: speakerPersonId, speakerPartyId, or both.");
        RuleFor(r => r.SpeakerBody).MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.Quote).NotEmpty().MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.Wording).IsInEnum();
        RuleFor(r => r.SaidOn).PlausibleDate();
        RuleFor(r => r.Context).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.RoundId).Exists(db.Rounds, "round");
    }
}
