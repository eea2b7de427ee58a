using Microsoft.EntityFrameworkCore;
using Talks.Data;

namespace Talks.Api.Topics;

/// <summary>
/// The vocabulary as one request sees it, read once on first use: a round posted whole with forty positions checks
/// them all against one query. The vocabulary is a few dozen rows, so reading it whole is cheaper than asking per id.
/// </summary>
public sealed class TopicVocabulary(TalksDbContext db)
{
    private const int Suggestions = 3;

    private Dictionary<string, Entry>? _entries;

    public sealed record Entry(string Id, string Label, string? ParentId, bool Retired, string? ReplacedById, IReadOnlyList<string> Aliases);

    public async Task<IReadOnlyDictionary<string, Entry>> EntriesAsync(CancellationToken ct) =>
        _entries ??= await db.Topics.AsNoTracking()
            .Select(t => new Entry(t.Id, t.Label, t.ParentId, t.RetiredAt != null, t.ReplacedById, t.Aliases))
            .ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, ct);

    /// <summary>Why a new or changed record may not name <paramref name="id"/>, or null when it may.</summary>
    public async Task<string?> RefuseAsync(string id, CancellationToken ct)
    {
        var entries = await EntriesAsync(ct);
        if (!entries.TryGetValue(id, out var entry))
        {
            return Unknown(id, entries);
        }

        return entry.Retired ? $"The topic '{id}' is retired; use '{entry.ReplacedById}' instead." : null;
    }

    /// <summary>
    /// The ids a filter on <paramref name="id"/> matches: the topic and every topic beneath it. A filter may name a
    /// topic by another of its names; a retired topic's records moved to its replacement, so a filter on it (an old
    /// link) follows the replacement.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Ids, string? Error)> SubtreeAsync(string id, CancellationToken ct)
    {
        var entries = await EntriesAsync(ct);
        if (!entries.TryGetValue(id, out var root) && (root = Owner(id, entries)) is null)
        {
            return (null, Unknown(id, entries));
        }

        for (var hops = 0; root.Retired && root.ReplacedById is not null && hops < entries.Count; hops++)
        {
            root = entries[root.ReplacedById];
        }

        var children = entries.Values.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId!, e => e.Id);
        var found = new List<string> { root.Id };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(children[found[i]].Where(child => !found.Contains(child)));
        }

        return (found, null);
    }

    private static Entry? Owner(string alias, IReadOnlyDictionary<string, Entry> entries) =>
        entries.Values.FirstOrDefault(e => !e.Retired && e.Aliases.Contains(alias));

    /// <summary>Stored records name topics by id only, so another name is refused with the id to use instead.</summary>
    private static string Unknown(string id, IReadOnlyDictionary<string, Entry> entries)
    {
        if (Owner(id, entries) is { } owner)
        {
            return $"'{id}' is another name for the topic '{owner.Id}'; name it by its id.";
        }

        var closest = Closest(id, entries.Values.Where(e => !e.Retired));
        var hint = closest.Count == 0 ? "" : $" Closest: {string.Join(", ", closest.Select(c => $"'{c}'"))}.";
        return $"'{id}' is not a topic in the vocabulary.{hint} GET /api/v1/topics lists them all.";
    }

    /// <summary>
    /// The topics whose id, label or other names are nearest to what was written, by edit distance; a word that is
    /// one of a topic's other names ("pows") or part of its id ("corridor") comes first.
    /// </summary>
    internal static IReadOnlyList<string> Closest(string written, IEnumerable<Entry> candidates)
    {
        var text = written.ToLowerInvariant();
        return candidates
            .Select(e => (e.Id, Distance: e.Aliases.Append(e.Id).Append(Kebab(e.Label))
                .Min(name => name == text ? 0 : name.Contains(text, StringComparison.Ordinal) || text.Contains(name, StringComparison.Ordinal)
                    ? 1 : Levenshtein(text, name) + 1)))
            .Where(c => c.Distance <= Math.Max(3, text.Length / 3 + 1))
            .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(Suggestions)
            .Select(c => c.Id)
            .ToList();
    }

    private static string Kebab(string label) =>
        string.Join('-', label.ToLowerInvariant().Split((char[])[' ', ',', '\'', '’', '(', ')'], StringSplitOptions.RemoveEmptyEntries));

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
