using FluentValidation;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Api.Rules;

namespace Talks.Api.Rounds;

public sealed class RoundRequestValidator : CitedRequestValidator<RoundRequest>
{
    private const int MaxListLength = 100;

    public RoundRequestValidator(TalksDbContext db) : base(db)
    {
        RuleFor(r => r.Sequence).GreaterThanOrEqualTo(1);

        // Rounds may be recorded ahead when they are scheduled, but not years ahead.
        RuleFor(r => r.Date).Must(d => d >= DateRules.Earliest && d <= DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2))
            .WithMessage("date must be between 1800-01-01 and two years from today.");
        RuleFor(r => r.Status).IsInEnum()
            .Must((r, status) => status != RoundStatus.Held || r.Date <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            .WithMessage("A round dated after today has not been held yet: give status scheduled.");
        RuleFor(r => r.DatePrecision).IsInEnum();
        RuleFor(r => r.Date).Must((r, d) => DatePrecisionRules.Fits(d, r.DatePrecision))
            .WithMessage(r => DatePrecisionRules.Explain(r.DatePrecision, "date"));
        RuleFor(r => r.StartsAt).Null().When(r => r.DatePrecision != DatePrecision.Day)
            .WithMessage("startsAt needs the day: give datePrecision day.");
        RuleFor(r => r.StartsAt)
            .Must((r, startsAt) => startsAt is null || DateOnly.FromDateTime(startsAt.Value.DateTime) == r.Date)
            .WithMessage("startsAt must fall on the round's date, in the venue's offset.");
        RuleFor(r => r.DurationMinutes).InclusiveBetween(1, 60 * 24 * 31);
        RuleFor(r => r.DurationBound).IsInEnum()
            .Must((r, bound) => bound is null || r.DurationMinutes is not null).WithMessage("durationBound needs durationMinutes.");
        RuleFor(r => r.City).NotEmpty().MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.CountryCode).Matches("^[A-Z]{2}$").WithMessage("countryCode must be an ISO 3166-1 alpha-2 code such as 'TR'.");
        RuleFor(r => r.Venue).MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.VenueDescription).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage("latitude must be between -90 and 90 degrees.");
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage("longitude must be between -180 and 180 degrees.");
        RuleFor(r => r.Latitude).NotNull().When(r => r.Longitude is not null).WithMessage("latitude and longitude come together: give both or neither.");
        RuleFor(r => r.Longitude).NotNull().When(r => r.Latitude is not null).WithMessage("latitude and longitude come together: give both or neither.");
        RuleFor(r => r.Summary).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.Outcome).MaximumLength(RecordRules.TextLength);
        RuleFor(r => r.Atmosphere).MaximumLength(RecordRules.TextLength);

        RuleFor(r => r.Participants).NotNull().Must(p => p is null || p.Count <= MaxListLength).WithMessage($"At most {MaxListLength} participants.");
        RuleForEach(r => r.Participants).ChildRules(participant =>
        {
            participant.RuleFor(p => p.PartyId).NotEmpty().Exists(db.Parties, "party");
            participant.RuleFor(p => p.Role).IsInEnum();
            participant.RuleFor(p => p.Notes).MaximumLength(RecordRules.TextLength);
        }).When(r => r.Participants is not null);
        RuleForEach(r => r.Participants)
            .Must((r, p) => r.Participants.Count(other => other.PartyId == p.PartyId && other.Role == p.Role) == 1)
            .WithMessage("A party appears once per role.")
            .When(r => r.Participants is not null);

        RuleFor(r => r.Delegates).NotNull().Must(d => d is null || d.Count <= MaxListLength).WithMessage($"At most {MaxListLength} delegates.");
        RuleForEach(r => r.Delegates).ChildRules(member =>
        {
            member.RuleFor(d => d.PersonId).NotEmpty().Exists(db.People, "person");
            member.RuleFor(d => d.PartyId).NotEmpty();
            member.RuleFor(d => d.Role).IsInEnum();
            member.RuleFor(d => d.Office).MaximumLength(RecordRules.NameLength);
            member.RuleFor(d => d.Notes).MaximumLength(RecordRules.TextLength);
        }).When(r => r.Delegates is not null);
        RuleForEach(r => r.Delegates)
            .Must((r, d) => r.Delegates.Count(other => other.PersonId == d.PersonId) == 1)
            .WithMessage("A person sits in one delegation once.")
            .Must((r, d) => r.Participants is null || r.Participants.Any(p => p.PartyId == d.PartyId))
            .WithMessage((_, d) => $"Party '{d.PartyId}' does not take part in this round; add it to participants first.")
            .When(r => r.Delegates is not null);
    }
}
