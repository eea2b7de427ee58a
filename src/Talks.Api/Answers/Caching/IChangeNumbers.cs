namespace Talks.Api.Answers.Caching;

/// <summary>
/// How far the database has moved, which is what the read cache keys its answers by: the newest change of all, or
/// where one talk's record stands. Change capture provides it (<c>AddTalksChanges</c>), so reading knows no feature.
/// </summary>
public interface IChangeNumbers
{
    /// <summary>Whether <see cref="ScopeAsync"/> knows how to find the talk of this collection's records.</summary>
    bool BelongToTalks(string collection);

    /// <summary>The number of the newest change (0 before any).</summary>
    ValueTask<long> NewestAsync(CancellationToken ct = default);

    /// <summary>
    /// The talk the record <paramref name="id"/> of <paramref name="collection"/> belongs to (null when it belongs to
    /// none or does not exist), the newest change of that talk, and the newest change of shared records.
    /// </summary>
    ValueTask<TalkScope> ScopeAsync(string collection, string id, CancellationToken ct = default);
}
