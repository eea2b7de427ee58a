using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;

namespace Talks.Api.Names;

/// <summary>Stable, URL-safe, kebab-case ids.</summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(id);

    public const string Rule = "lower-case letters and digits in words joined by single hyphens, at most 100 characters (e.g. 'rustem-umerov')";

    /// <summary>
    /// "Hakan Fidan" → "hakan-fidan"; "Dolmabahçe" → "dolmabahce"; "Андрій Сибіга" → "andrii-sybiha";
    /// "Сергей Лавров" → "sergei-lavrov". Accents are dropped, Cyrillic is transliterated (see <see cref="Latin"/>);
    /// a name in any other script gets "record".
    /// </summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in Latin(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = Hyphens().Replace(builder.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength - 4)
        {
            slug = slug[..(MaxLength - 4)].TrimEnd('-');
        }

        return slug.Length == 0 ? "record" : slug;
    }

    /// <summary>
    /// Letters without an accent-free decomposition, spelt in Latin: Ukrainian by the national transliteration of
    /// 2010 when the text has a letter only Ukrainian uses (і, ї, є, ґ), else Russian by the passport system of 2013 —
    /// a Ukrainian name without such a letter is spelt the Russian way, so give the id explicitly where that matters —
    /// and the Latin letters that carry no separable accent (ı, ł, ø, ß, …). Done before decomposition,
    /// which would split й and ї into a base letter and a mark.
    /// </summary>
    private static string Latin(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        var ukrainian = composed.AsSpan().IndexOfAny("іїєґІЇЄҐ") >= 0;
        var builder = new StringBuilder(composed.Length + 8);
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            var lower = char.ToLowerInvariant(c);
            var wordStart = i == 0 || !char.IsLetter(composed[i - 1]);
            var latin = ukrainian && wordStart && UkrainianWordStart.TryGetValue(lower, out var first) ? first
                : ukrainian && Ukrainian.TryGetValue(lower, out var uk) ? uk
                : Russian.TryGetValue(lower, out var ru) ? ru
                : Letters.TryGetValue(lower, out var other) ? other
                : null;
            builder.Append(latin ?? c.ToString());
        }

        return builder.ToString();
    }

    private static readonly Dictionary<char, string> Russian = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "e",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "i",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "ie",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "iu",
        ['я'] = "ia",
    };

    /// <summary>Where Ukrainian spells a letter otherwise than Russian, or has a letter Russian lacks.</summary>
    private static readonly Dictionary<char, string> Ukrainian = new()
    {
        ['г'] = "h",
        ['ґ'] = "g",
        ['е'] = "e",
        ['є'] = "ie",
        ['и'] = "y",
        ['і'] = "i",
        ['ї'] = "i",
        ['й'] = "i",
        ['ь'] = "",
        ['ю'] = "iu",
        ['я'] = "ia",
        ['\''] = "",
        ['’'] = "",
        ['ʼ'] = "",
    };

    private static readonly Dictionary<char, string> UkrainianWordStart = new()
    {
        ['є'] = "ye",
        ['ї'] = "yi",
        ['й'] = "y",
        ['ю'] = "yu",
        ['я'] = "ya",
    };

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['ı'] = "i",
        ['ł'] = "l",
        ['ø'] = "o",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ß'] = "ss",
        ['đ'] = "d",
        ['ð'] = "d",
        ['þ'] = "th",
        ['ħ'] = "h",
    };

    /// <summary>
    /// The slug of the name, numbered ("-2", "-3", …) past ids already taken in the database or handed out earlier in
    /// the same request (<c>reserved</c>, which the chosen id joins).
    /// </summary>
    public static async Task<string> NewIdAsync<T>(DbSet<T> set, string name, CancellationToken cancellationToken, ISet<string>? reserved = null)
        where T : Entity
    {
        var root = From(name);
        var prefix = root + "-";
        var taken = await set.Where(e => e.Id == root || e.Id.StartsWith(prefix)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (reserved is not null)
        {
            taken.AddRange(reserved);
        }

        var id = root;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{root}-{n}";
        }

        reserved?.Add(id);
        return id;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
