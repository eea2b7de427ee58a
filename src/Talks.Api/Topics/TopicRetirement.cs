using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Errors;
using Talks.Api.Records;
using Talks.Data;

namespace Talks.Api.Topics;

/// <summary>
/// Retiring a topic hands everything that named it to its replacement — positions, agreements, narrower topics and
/// its other names — as ordinary recorded changes, so each record's history says when and why its topic changed. The
/// retired topic stays readable, pointing at its replacement, so old links and filters still resolve.
/// </summary>
internal static class TopicRetirement
{
    public static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> RetireAsync(
        TalksDbContext db, string id, RetireTopicRequest request, HttpContext http, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
        {
            return Problems.NotFound("topic", id);
        }

        if (Preconditions.Check(http, topic.Version) is { } failed)
        {
            return failed;
        }

        if (topic.RetiredAt is not null)
        {
            return Problems.Conflict("The topic is already retired.", $"The topic '{id}' was retired in favour of '{topic.ReplacedById}'.");
        }

        var replacementId = request.ReplacedById;
        var vocabulary = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.ParentId, t.RetiredAt }).ToDictionaryAsync(t => t.Id, ct);
        if (replacementId == id)
        {
            return Problems.Invalid("replacedById", "A topic cannot be replaced by itself.");
        }

        if (vocabulary[replacementId].RetiredAt is not null)
        {
            return Problems.Invalid("replacedById", $"The topic '{replacementId}' is retired too; choose a topic in use.");
        }

        for (var at = vocabulary[replacementId].ParentId; at is not null; at = vocabulary[at].ParentId)
        {
            if (at == id)
            {
                return Problems.Invalid("replacedById", $"'{replacementId}' sits under '{id}'; move it out before retiring '{id}' in its favour.");
            }
        }

        foreach (var position in await db.Positions.Where(p => p.Topic == id).ToListAsync(ct))
        {
            position.Topic = replacementId;
        }

        foreach (var agreement in await db.Agreements.Where(a => a.TopicIds.Contains(id)).ToListAsync(ct))
        {
            agreement.TopicIds = [.. agreement.TopicIds.Select(t => t == id ? replacementId : t).Distinct()];
        }

        foreach (var child in await db.Topics.Where(t => t.ParentId == id).ToListAsync(ct))
        {
            child.ParentId = replacementId;
        }

        var replacement = await db.Topics.FirstAsync(t => t.Id == replacementId, ct);
        replacement.Aliases = [.. replacement.Aliases.Concat(topic.Aliases).Distinct()];
        topic.Aliases = [];
        topic.RetiredAt = DateTime.UtcNow;
        topic.ReplacedById = replacementId;
        await db.SaveChangesAsync(ct);

        var response = (await TopicResource.Kind.ReadAsync(db, id, ct))!;
        http.SetETag(response.Version);
        return TypedResults.Ok(response);
    }
}
