using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Topics;
using Talks.Data;
using Talks.Api.Rules;

namespace Talks.Api.Positions;

public sealed class PositionRequestValidator : CitedRequestValidator<PositionRequest>
{
    public PositionRequestValidator(TalksDbContext db, TopicVocabulary topics) : base(db)
    {
        RuleFor(r => r.RoundId).NotEmpty().Unless((_, context) => WholeRequestIds.Of(context) is not null).WithMessage("roundId is required.");
        RuleFor(r => r.RoundId).Exists(db.Rounds, "round");
        RuleFor(r => r.PartyId).NotEmpty().Exists(db.Parties, "party");
        RuleFor(r => r.Topic).NotEmpty().KebabWord().IsTopicInUse(topics);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.Quote).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.VoicedById).Exists(db.People, "person");
        RuleFor(r => r.AnswersId)
            .Must((r, answers) => answers is null || answers != r.Id).WithMessage("A position cannot answer itself.")
            .Exists(db.Positions, "position")
            .MustAsync(async (r, answers, ct) => answers is null || r.Id is null || !await AnswersLeadBackAsync(db, answers, r.Id, ct))
            .WithMessage((r, answers) => $"'{answers}' already answers '{r.Id}', directly or through others; two positions cannot answer each other.");
    }

    /// <summary>Follows the chain of answers from <paramref name="start"/>; a chain that reaches <paramref name="id"/> is a cycle.</summary>
    private static async Task<bool> AnswersLeadBackAsync(TalksDbContext db, string start, string id, CancellationToken ct)
    {
        var current = (string?)start;
        for (var step = 0; current is not null && step < 100; step++)
        {
            if (current == id)
            {
                return true;
            }

            var at = current;
            current = await db.Positions.Where(p => p.Id == at).Select(p => p.AnswersId).FirstOrDefaultAsync(ct);
        }

        return false;
    }
}
