using FluentValidation;
using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Talks;

public sealed class TalkRequestValidator : CitedRequestValidator<TalkRequest>
{
    public TalkRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Rules.NameLength);
        RuleFor(r => r.Summary).MaximumLength(Rules.TextLength);
    }
}
