using Talks.Data.Entities;

namespace Talks.Api.Rules;

/// <summary>
/// A date known only to the month is stored as the month's 1st, one known only to the year as 1 January, so lists
/// still sort and filter on it; any other day would claim more than is known.
/// </summary>
public static class DatePrecisionRules
{
    public static bool Fits(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => date.Day == 1,
        DatePrecision.Year => date.Day == 1 && date.Month == 1,
        _ => true,
    };

    /// <summary>The precision an implementation date states, when it is not confidential.</summary>
    public static DatePrecision Of(ImplementationDatePrecision precision) => precision switch
    {
        ImplementationDatePrecision.Month => DatePrecision.Month,
        ImplementationDatePrecision.Year => DatePrecision.Year,
        _ => DatePrecision.Day,
    };

    public static string Explain(DatePrecision precision, string field) => precision == DatePrecision.Year
        ? $"{field} known only to the year is given as 1 January of that year."
        : $"{field} known only to the month is given as the 1st of that month.";
}
