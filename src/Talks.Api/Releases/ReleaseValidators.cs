using FluentValidation;
using Talks.Data.Entities;
using Talks.Api.Rules;

namespace Talks.Api.Releases;

public sealed class ReleaseRequestValidator : AbstractValidator<ReleaseRequest>
{
    public ReleaseRequestValidator()
    {
        RuleFor(r => r.Version).NotEmpty().Must(Release.IsVersion)
            .WithMessage("version must be YYYY.N: a year, a dot and a number from 1 (e.g. 2025.1).");
        RuleFor(r => r.Notes).MaximumLength(RecordRules.TextLength);
    }
}
