using FluentValidation;
using Talks.Api.Infrastructure;
using Talks.Data;

namespace Talks.Api.Positions;

public sealed class PositionRequestValidator : CitedRequestValidator<PositionRequest>
{
    public PositionRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.RoundId).NotEmpty().Unless((_, context) => KnownIds.InWholeRound(context)).WithMessage("roundId is required.");
        RuleFor(r => r.RoundId).Exists(db.Rounds, "round");
        RuleFor(r => r.PartyId).NotEmpty().Exists(db.Parties, "party");
        RuleFor(r => r.Topic).NotEmpty().KebabWord();
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(Rules.TextLength);
        RuleFor(r => r.Quote).MaximumLength(Rules.TextLength);
        RuleFor(r => r.VoicedById).Exists(db.People, "person");
        RuleFor(r => r.AnswersId)
            .Must((r, answers) => answers is null || answers != r.Id).WithMessage("A position cannot answer itself.")
            .Exists(db.Positions, "position");
    }
}
