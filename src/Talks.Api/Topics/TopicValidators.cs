using FluentValidation;
using Talks.Data;
using Talks.Api.Names;
using Talks.Api.Rules;

namespace Talks.Api.Topics;

public sealed class TopicRequestValidator : RequestValidator<TopicRequest>
{
    public TopicRequestValidator()
    {
        RuleFor(r => r.Label).NotEmpty().MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.Description).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.ParentId).KebabWord();
        RuleFor(r => r.PaxCode).Matches("^[A-Z][A-Za-z]{0,19}$")
            .WithMessage("paxCode is a PA-X codebook variable name such as 'Ce' or 'TjPrire': a capital letter, then letters.");
        RuleFor(r => r.Aliases).Must(a => a is null || a.Count <= 20).WithMessage("Give at most 20 other names.")
            .Must(a => a is null || a.Distinct().Count() == a.Count).WithMessage("Each other name once.");
        RuleForEach(r => r.Aliases).NotEmpty().KebabWord().MaximumLength(100);
    }
}

public sealed class RetireTopicRequestValidator : AbstractValidator<RetireTopicRequest>
{
    public RetireTopicRequestValidator(TalksDbContext db)
    {
        RuleFor(r => r.ReplacedById).NotEmpty().KebabWord().Exists(db.Topics, "topic");
    }
}

/// <summary>The rule positions and agreements share: a topic id they name is in the vocabulary and in use.</summary>
public static class TopicRules
{
    public static IRuleBuilderOptionsConditions<T, string?> IsTopicInUse<T>(this IRuleBuilder<T, string?> rule, TopicVocabulary vocabulary) =>
        rule.CustomAsync(async (id, context, ct) =>
        {
            if (id is not null && Slug.IsValid(id) && await vocabulary.RefuseAsync(id, ct) is { } refusal)
            {
                context.AddFailure(refusal);
            }
        });
}
