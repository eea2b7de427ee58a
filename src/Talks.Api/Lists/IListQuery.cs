namespace Talks.Api.Lists;

/// <summary>The query parameters every list shares. Each list's query record carries these and its own filters.</summary>
public interface IListQuery
{
    int? Limit { get; }
    string? Cursor { get; }

    /// <summary>A sort field, "-" first for descending: <c>-date</c>.</summary>
    string? Sort { get; }

    /// <summary>A case-insensitive text filter over the list's main text fields.</summary>
    string? Q { get; }

    /// <summary>Comma-separated ids: several records in one call.</summary>
    string? Ids { get; }
}
