using FluentValidation;
using Talks.Api.Topics;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Rules;

namespace Talks.Api.Agreements;

public sealed class AgreementRequestValidator : CitedRequestValidator<AgreementRequest>
{
    /// <summary>A hundred years: keeps agreedOn plus the period (or term) inside the dates both databases hold.</summary>
    public const int MaxDeadlineDays = 36_500;

    public AgreementRequestValidator(TalksDbContext db, TopicVocabulary topics) : base(db)
    {
        RuleFor(r => r.RoundId).NotEmpty().Unless((_, context) => WholeRequestIds.Of(context) is not null).WithMessage("roundId is required.");
        RuleFor(r => r.RoundId).Exists(db.Rounds, "round");
        RuleFor(r => r.Title).NotEmpty().MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.TopicIds).Must(t => t is null || t.Count <= 20).WithMessage("Name at most 20 topics.")
            .Must(t => t is null || t.Distinct().Count() == t.Count).WithMessage("Name each topic once.");
        // Each topic is looked up, so only in a list of allowed length: a 10,000-id list once ran past the request timeout.
        RuleForEach(r => r.TopicIds).NotEmpty().KebabWord().IsTopicInUse(topics).When(r => r.TopicIds is null || r.TopicIds.Count <= 20);
        RuleFor(r => r.AgreedOn).PlausibleDate();
        RuleFor(r => r.ImplementationDate)
            .Must(d => d is null || (d >= DateRules.Earliest && d.Value.Year <= 2200)).WithMessage("implementationDate is out of range.")
            .Must((r, d) => d is null || r.AgreedOn is null || d >= r.AgreedOn).WithMessage("implementationDate cannot be before agreedOn.");
        RuleFor(r => r.ImplementationDatePrecision).IsInEnum();
        RuleFor(r => r.ImplementationDate)
            .Null().When(r => r.ImplementationDatePrecision == ImplementationDatePrecision.Confidential)
            .WithMessage("A confidential implementation date is not given: leave implementationDate null.");
        RuleFor(r => r.ImplementationDate)
            .Must((r, d) => d is null || r.ImplementationDatePrecision == ImplementationDatePrecision.Confidential
                || DatePrecisionRules.Fits(d.Value, DatePrecisionRules.Of(r.ImplementationDatePrecision)))
            .WithMessage(r => DatePrecisionRules.Explain(DatePrecisionRules.Of(r.ImplementationDatePrecision), "implementationDate"));
        RuleFor(r => r.ImplementationDateNote).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.TermDays).InclusiveBetween(1, MaxDeadlineDays).WithMessage($"termDays must be between 1 and {MaxDeadlineDays}.");
        RuleFor(r => r.Renewals).Must(l => l is null || l.Count <= 50).WithMessage("At most 50 renewals.")
            .Must((r, l) => l is null || l.Count == 0 || r.TermDays is not null).WithMessage("Only an agreement with termDays can be renewed.");
        RuleForEach(r => r.Renewals).ChildRules(renewal =>
        {
            renewal.RuleFor(x => x.RenewedOn).Must(d => d >= DateRules.Earliest && d.Year <= 2200).WithMessage("renewedOn is out of range.");
            renewal.RuleFor(x => x.Days).InclusiveBetween(1, MaxDeadlineDays).WithMessage($"days must be between 1 and {MaxDeadlineDays}.");
            renewal.RuleFor(x => x.Note).MaximumLength(RecordRules.TextLength);
        }).When(r => r.Renewals is not null);
        RuleForEach(r => r.Renewals).Must((r, x) => r.AgreedOn is null || x is null || x.RenewedOn >= r.AgreedOn)
            .WithMessage("renewedOn cannot be before agreedOn.").When(r => r.Renewals is not null);
        RuleFor(r => r.Obligations).NotNull().Must(o => o is null || o.Count <= 50).WithMessage("At most 50 obligations.");
        RuleForEach(r => r.Obligations).ChildRules(obligation =>
        {
            obligation.RuleFor(o => o.PartyId).NotEmpty().Exists(db.Parties, "party");
            obligation.RuleFor(o => o.Description).NotEmpty().MaximumLength(RecordRules.TextLength);
            obligation.RuleFor(o => o.Quantity).GreaterThanOrEqualTo(0);
            obligation.RuleFor(o => o.Unit).NotEmpty().When(o => o.Quantity is not null).WithMessage("Give the unit of the quantity, e.g. 'prisoners-of-war'.");
            obligation.RuleFor(o => o.Unit).KebabWord();
            obligation.RuleFor(o => o.BeneficiaryPartyId).Exists(db.Parties, "party");
            obligation.RuleFor(o => o.Deadline).Must(d => d is null || (d >= DateRules.Earliest && d.Value.Year <= 2200))
                .WithMessage("deadline is out of range.");
            obligation.RuleFor(o => o.DeadlineDays).Null().When(o => o.Deadline is not null).WithMessage("Give deadline or deadlineDays, not both.");
            obligation.RuleFor(o => o.DeadlineDays).InclusiveBetween(1, MaxDeadlineDays).WithMessage($"deadlineDays must be between 1 and {MaxDeadlineDays}.");
            obligation.RuleFor(o => o.Condition).MaximumLength(RecordRules.TextLength);
        }).When(r => r.Obligations is not null);
    }
}

public sealed class AgreementEventRequestValidator : CitedRequestValidator<AgreementEventRequest>
{
    public AgreementEventRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.OccurredOn).Must(d => d >= DateRules.Earliest && d <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            .WithMessage("occurredOn must be between 1800-01-01 and today: events record what has happened.");
        RuleFor(r => r.Description).NotEmpty().MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.Quantity).GreaterThanOrEqualTo(0);
        RuleFor(r => r.Unit).NotEmpty().When(r => r.Quantity is not null).WithMessage("Give the unit of the quantity, e.g. 'prisoners-of-war'.");
        RuleFor(r => r.Unit).KebabWord();
        RuleFor(r => r.StatusAfter).IsInEnum();
        RuleFor(r => r.Completes).Must(c => c is null || c.Count <= 50).WithMessage("At most 50 obligations.")
            .Must(c => c is null || c.Distinct().Count() == c.Count).WithMessage("Name each obligation once.");
        RuleForEach(r => r.Completes).GreaterThanOrEqualTo(1).WithMessage("Obligations are numbered from 1.");
    }
}
