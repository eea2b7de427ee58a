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

    /// <summary>
    /// Stored records name topics by id only, so another name is refused with the id to use instead, and the topics
    /// close to it after that ("land" is territory's other name, and land reform is near it too).
    /// </summary>
    private static string Unknown(string id, IReadOnlyDictionary<string, Entry> entries)
    {
        var live = entries.Values.Where(e => !e.Retired).ToList();
        if (Owner(id, entries) is { } owner)
        {
            var others = Closest(id, live.Where(e => e.Id != owner.Id));
            var also = others.Count == 0 ? "" : $" Also close: {Quoted(others)}.";
            return $"'{id}' is another name for the topic '{owner.Id}'; name it by its id.{also}";
        }

        var closest = Closest(id, live);
        var hint = closest.Count == 0 ? "" : $" Closest: {Quoted(closest)}.";
        return $"'{id}' is not a topic in the vocabulary.{hint} GET /api/v1/topics lists them all.";
    }

    private static string Quoted(IEnumerable<string> ids) => string.Join(", ", ids.Select(c => $"'{c}'"));

    /// <summary>
    /// The topics nearest to what was written, best first, by their id, label and other names: a name written whole,
    /// then one whose beginning was written ("ceasefire-mon"), then a close spelling ("ceasfire"), nearest first. A
    /// word shared with a name ("corridor" in "humanitarian-corridors") only breaks ties, and offers a topic on its own
    /// only after every closer one, so "revenue-shairng" is not answered with the topic whose other name is "venue".
    /// </summary>
    internal static IReadOnlyList<string> Closest(string written, IEnumerable<Entry> candidates)
    {
        var text = written.ToLowerInvariant();
        var words = Words(text);
        return candidates
            .Select(e => (e.Id, Names: e.Aliases.Append(e.Id).Append(Kebab(e.Label)).ToList()))
            .Select(c => (c.Id, Score: c.Names.Min(name => Score(text, name)), Shared: c.Names.Max(name => Words(name).Intersect(words).Count())))
            .Where(c => c.Score < NoMatch || c.Shared > 0)
            .OrderBy(c => c.Score).ThenByDescending(c => c.Shared).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(Suggestions)
            .Select(c => c.Id)
            .ToList();
    }

    private const int NoMatch = int.MaxValue;

    /// <summary>0 for the name itself, 1 for its beginning, 1 + the edit distance for a close spelling, else no match.</summary>
    private static int Score(string text, string name)
    {
        if (name == text)
        {
            return 0;
        }

        if (text.Length >= 3 && name.StartsWith(text, StringComparison.Ordinal))
        {
            return 1;
        }

        // Two edits turn "land" into "aid": a short word may be one edit off, a longer one a quarter of its letters.
        var distance = Levenshtein(text, name);
        return distance <= (text.Length <= 4 ? 1 : Math.Max(2, text.Length / 4)) ? 1 + distance : NoMatch;
    }

    /// <summary>The words of a kebab-case name, each without a plural 's', so "victim" and "victims" share one.</summary>
    private static HashSet<string> Words(string name) =>
        name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !CommonWords.Contains(w))
            .Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w)
            .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> CommonWords = new(["and", "the", "for", "with", "from", "other"], StringComparer.Ordinal);

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
