namespace Talks.Api.Lists;

/// <summary>One page of a list: the items and an opaque cursor for the next page, or null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
