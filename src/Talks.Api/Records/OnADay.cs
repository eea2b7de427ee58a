using System.Linq.Expressions;
using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>
/// The record as it stood on a day, written once for every read that takes <c>asOf</c> (the open obligations, the
/// positions matrix, the timeline): what is dated after the day does not count, however early it was recorded, so an
/// answer about a past day never changes when later events are added. Each rule is an expression, so it runs in SQL.
/// </summary>
public static class OnADay
{
    /// <summary>The day an agreement dates from: the day it was agreed, else its round's first day.</summary>
    private static readonly Expression<Func<Agreement, DateOnly>> DateOfAgreement = a => a.AgreedOn ?? a.Round!.Date;

    /// <summary>
    /// An agreement's status on <c>day</c>: set by its latest event dated on or before the day that moved it (the last
    /// recorded, if two share a day); before any, the status it opened with; if no event ever moved it, its status.
    /// </summary>
    private static readonly Expression<Func<Agreement, DateOnly, AgreementStatus>> StatusOfAgreement = (a, day) =>
        a.Events.Where(e => e.StatusAfter != null && e.OccurredOn <= day)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => e.StatusAfter)
            .FirstOrDefault() ?? a.OpeningStatus ?? a.Status;

    /// <summary>Each agreement with its date and the status it had on <paramref name="day"/>.</summary>
    public static Expression<Func<Agreement, AgreementOnADay>> Agreements(DateOnly day) =>
        Project(Expression.Constant(day));

    /// <summary>Each agreement with its date and the status it had on that date: what a timeline shows where it was made.</summary>
    public static Expression<Func<Agreement, AgreementOnADay>> AgreementsOnTheirDate() =>
        Project(DateOfAgreement.Body, DateOfAgreement.Parameters[0]);

    /// <summary>The implementation events that had happened by the end of <paramref name="day"/>.</summary>
    public static Expression<Func<AgreementEvent, bool>> EventsBy(DateOnly day) => e => e.OccurredOn <= day;

    /// <summary>The positions taken by the end of <paramref name="day"/>: those of rounds that had begun by then.</summary>
    public static Expression<Func<Position, bool>> PositionsBy(DateOnly day) => p => p.Round!.Date <= day;

    /// <summary>
    /// <c>new AgreementOnADay { Agreement = a, Date = …, Status = … }</c> with the day given as an expression, either a
    /// constant or read from the agreement itself (whose parameter is then <paramref name="dayParameter"/>).
    /// </summary>
    private static Expression<Func<Agreement, AgreementOnADay>> Project(Expression day, ParameterExpression? dayParameter = null)
    {
        var agreement = StatusOfAgreement.Parameters[0];
        var dayOfThis = dayParameter is null ? day : new Replacer(dayParameter, agreement).Visit(day);
        var status = new Replacer(StatusOfAgreement.Parameters[1], dayOfThis).Visit(StatusOfAgreement.Body);
        var date = new Replacer(DateOfAgreement.Parameters[0], agreement).Visit(DateOfAgreement.Body);
        return Expression.Lambda<Func<Agreement, AgreementOnADay>>(
            Expression.MemberInit(
                Expression.New(typeof(AgreementOnADay)),
                Expression.Bind(typeof(AgreementOnADay).GetProperty(nameof(AgreementOnADay.Agreement))!, agreement),
                Expression.Bind(typeof(AgreementOnADay).GetProperty(nameof(AgreementOnADay.Date))!, date),
                Expression.Bind(typeof(AgreementOnADay).GetProperty(nameof(AgreementOnADay.Status))!, status)),
            agreement);
    }

    private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>An agreement, the day it dates from, and its status on the day asked about.</summary>
public sealed class AgreementOnADay
{
    public Agreement Agreement { get; init; } = null!;
    public DateOnly Date { get; init; }
    public AgreementStatus Status { get; init; }
}
