using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Topics;

/// <summary>The rules that need the rest of the vocabulary: where a topic may sit, and which names are free.</summary>
internal static class TopicTree
{
    /// <summary>A new topic's parent exists and is in use, and its id is not another topic's other name.</summary>
    public static Task<ProblemHttpResult?> CheckNewTopicAsync(TalksDbContext db, Topic stored, TopicRequest request, CancellationToken ct) =>
        CheckPlacementAsync(db, creating: true, stored, request, ct);

    /// <summary>An edited topic's parent exists, is in use and is not the topic itself or beneath it.</summary>
    public static Task<ProblemHttpResult?> CheckMovedTopicAsync(TalksDbContext db, Topic stored, TopicRequest request, CancellationToken ct) =>
        CheckPlacementAsync(db, creating: false, stored, request, ct);

    private static async Task<ProblemHttpResult?> CheckPlacementAsync(
        TalksDbContext db, bool creating, Topic stored, TopicRequest request, CancellationToken ct)
    {
        var topics = await db.Topics.AsNoTracking()
            .Where(t => t.Id != stored.Id)
            .Select(t => new { t.Id, t.ParentId, t.RetiredAt, t.Aliases })
            .ToListAsync(ct);

        if (request.ParentId is { } parentId)
        {
            var parent = topics.FirstOrDefault(t => t.Id == parentId);
            if (parentId == stored.Id)
            {
                return Problems.Invalid("parentId", "A topic cannot sit under itself.");
            }

            if (parent is null)
            {
                return Problems.Invalid("parentId", $"No topic has the id '{parentId}'.");
            }

            if (parent.RetiredAt is not null)
            {
                return Problems.Invalid("parentId", $"The topic '{parentId}' is retired; choose a topic in use.");
            }

            // Walking up from the new parent must never reach the topic being moved.
            var parents = topics.ToDictionary(t => t.Id, t => t.ParentId);
            for (var at = parent.ParentId; at is not null && !creating; at = parents.GetValueOrDefault(at))
            {
                if (at == stored.Id)
                {
                    return Problems.Invalid("parentId", $"'{parentId}' sits under '{stored.Id}'; a topic cannot move beneath its own narrower topics.");
                }
            }
        }

        if (creating && topics.FirstOrDefault(t => t.Aliases.Contains(stored.Id)) is { } named)
        {
            return Problems.Invalid("id", $"'{stored.Id}' is another name for the topic '{named.Id}'; use it, or remove the name from it first.");
        }

        foreach (var alias in request.Aliases ?? [])
        {
            if (alias == stored.Id)
            {
                return Problems.Invalid("aliases", $"'{alias}' is this topic's own id; list only its other names.");
            }

            if (topics.FirstOrDefault(t => t.Id == alias || t.Aliases.Contains(alias)) is { } owner)
            {
                return Problems.Invalid("aliases", $"The name '{alias}' already points at the topic '{owner.Id}'; each name points at one topic.");
            }
        }

        return null;
    }
}
