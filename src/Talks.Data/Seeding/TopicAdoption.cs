using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;

namespace Talks.Data.Seeding;

/// <summary>
/// Before the vocabulary, positions named their topic in free text. Once per database, after the vocabulary is seeded,
/// each free-text topic is brought onto it: a word the vocabulary knows as another name ("pows") becomes that topic's
/// id, and any other word becomes a topic of its own, at the top level, for an admin to place or retire — nothing an
/// analyst wrote is lost. The moves are recorded changes, so each position's history shows them.
/// </summary>
public static class TopicAdoption
{
    private const string Collection = "topic-adoption";
    private const string Mark = "free-text-topics";

    public static async Task<int> AdoptFreeTextTopicsAsync(TalksDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.SeedMarks.AnyAsync(m => m.Collection == Collection && m.Id == Mark, cancellationToken))
        {
            return 0;
        }

        var unknown = await db.Positions.Select(p => p.Topic).Distinct()
            .Where(topic => !db.Topics.Any(t => t.Id == topic))
            .ToListAsync(cancellationToken);
        var aliases = (await db.Topics.Where(t => t.RetiredAt == null).Select(t => new { t.Id, t.Aliases }).ToListAsync(cancellationToken))
            .SelectMany(t => t.Aliases.Select(alias => (Alias: alias, t.Id)))
            .ToDictionary(a => a.Alias, a => a.Id);
        var now = DateTime.UtcNow;
        foreach (var word in unknown)
        {
            if (aliases.TryGetValue(word, out var id))
            {
                foreach (var position in await db.Positions.Where(p => p.Topic == word).ToListAsync(cancellationToken))
                {
                    position.Topic = id;
                }
            }
            else
            {
                db.Topics.Add(new Topic
                {
                    Id = word,
                    Label = char.ToUpperInvariant(word[0]) + word[1..].Replace('-', ' '),
                    Description = "Carried over from a topic written in free text before the shared vocabulary; " +
                        "place it in the tree or retire it in favour of another.",
                    CreatedAt = now,
                });
            }
        }

        db.SeedMarks.Add(new SeedMark { Collection = Collection, Id = Mark, AppliedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return unknown.Count;
    }
}
