using System.Linq.Expressions;
using Talks.Data.Entities;

namespace Talks.Api.Lists;

/// <summary>Sort keys for the value types lists sort on.</summary>
public static class Sort
{
    public static ISortKey<TEntity, TResponse> ByText<TEntity, TResponse>(Expression<Func<TEntity, string>> key, Func<TResponse, string> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, string>(key, read, v => v, v => (true, v));

    public static ISortKey<TEntity, TResponse> ByDate<TEntity, TResponse>(Expression<Func<TEntity, DateOnly>> key, Func<TResponse, DateOnly> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, DateOnly>(key, read, v => v.ToString("yyyy-MM-dd"),
            v => DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) ? (true, d) : (false, default));

    public static ISortKey<TEntity, TResponse> ByNumber<TEntity, TResponse>(Expression<Func<TEntity, int>> key, Func<TResponse, int> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, int>(key, read, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (true, n) : (false, 0));

    public static ISortKey<TEntity, TResponse> ByTime<TEntity, TResponse>(Expression<Func<TEntity, DateTime>> key, Func<TResponse, DateTime> read)
        where TEntity : Entity =>
        new SortKey<TEntity, TResponse, DateTime>(key, read, v => v.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var t) && t >= 0 && t <= DateTime.MaxValue.Ticks
                ? (true, new DateTime(t, DateTimeKind.Utc)) : (false, default));

    /// <summary>A LIKE pattern for <c>q</c>, with the wildcards in the text itself escaped by <see cref="Escape"/>.</summary>
    public static string Like(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    public const string Escape = "\\";
}
