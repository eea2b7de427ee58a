using FluentValidation;
using Talks.Data;
using Talks.Api.Rules;

namespace Talks.Api.TalkTracks;

public sealed class TalkRequestValidator : CitedRequestValidator<TalkRequest>
{
    public TalkRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.Summary).MaximumLength(RecordRules.TextLength);
    }
}
