using FluentValidation;

namespace Talks.Api.Rules;

public static class DateRules
{
    /// <summary>The earliest date the API accepts: peace talks of record, not typos like year 0025.</summary>
    public static readonly DateOnly Earliest = new(1800, 1, 1);

    /// <summary>Dates of what has happened or been published: not before 1800, not more than a day ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || (d >= Earliest && d <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)))
            .WithMessage("{PropertyName} must be between 1800-01-01 and today.");
}
