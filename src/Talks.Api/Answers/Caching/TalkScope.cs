namespace Talks.Api.Answers.Caching;

/// <summary>
/// Where a talk's record stands: its talk (null when it belongs to none), the newest change of that talk and the
/// newest change of records every talk shares (parties, people, sources, topics; resets).
/// </summary>
public readonly record struct TalkScope(string? TalkId, long Talk, long Shared);
