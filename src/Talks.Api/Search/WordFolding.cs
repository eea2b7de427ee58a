using System.Globalization;
using System.Text;
using Talks.Data.Names;

namespace Talks.Api.Search;

/// <summary>How a word is folded for comparison, the same way on both providers' indexes and in the app's scoring.</summary>
internal static class WordFolding
{
    /// <summary>
    /// Lower case without accents, as the index's tokenizer (unicode61, remove_diacritics 2) stores a word, and the
    /// Turkish dotless ı read as i, as PostgreSQL's unaccent reads it: "Çırağan" is "ciragan". Neither index takes the
    /// marks off Cyrillic letters but ё's, so "Мединский" keeps its й (without it no Cyrillic name with one was found).
    /// </summary>
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c == DotlessI ? 'i' : c);
            }
            else if (folded.Length > 0 && IsCyrillic(folded[^1]) && !(folded[^1] == 'е' && c == CombiningDiaeresis))
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private const char CombiningDiaeresis = '\u0308';

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>A word's endings that transliterations of one Cyrillic ending (-ий, -ый, -ій, -ь) write in different ways.</summary>
    private static readonly string[] LatinEndings = ["y", "iy", "ii", "ij", "yy", "yi"];

    /// <summary>Shorter stems are left alone: their endings are too often a word's own.</summary>
    private const int ShortestStem = 3;

    /// <summary>
    /// What a folded query word is also looked up as: a Cyrillic word in Latin letters (<see cref="CyrillicToLatin"/>,
    /// as the index holds people's and parties' Cyrillic names), and a Latin word with the endings other
    /// transliterations give it, so "Medinskiy", "Medinsky", "Medinskii" and "Мединский" find one another.
    /// </summary>
    public static IEnumerable<string> Spellings(string folded)
    {
        var latin = CyrillicToLatin.Transliterate(folded);
        var spellings = new List<string> { folded, latin };
        var ending = LatinEndings.Where(e => latin.EndsWith(e, StringComparison.Ordinal)).MaxBy(e => e.Length);
        if (ending is not null && latin.Length - ending.Length >= ShortestStem && Ascii.IsValid(latin))
        {
            var stem = latin[..^ending.Length];
            spellings.AddRange(LatinEndings.Select(e => stem + e));
        }

        return spellings.Distinct(StringComparer.Ordinal);
    }

    private const char DotlessI = 'ı';

    /// <summary>How many of a word's i's are also looked up as ı: 2⁴ spellings at most, and few words hold more.</summary>
    private const int DotlessSpellingsOf = 4;

    /// <summary>
    /// The spellings SQLite's index may hold for a folded query word: its tokenizer keeps the Turkish ı (it
    /// has no accent to remove), so "ciragan" is also looked up as "cıragan" — every i of the word (the first few)
    /// either way.
    /// </summary>
    public static IEnumerable<string> IndexSpellings(string word)
    {
        var dotted = Enumerable.Range(0, word.Length).Where(at => word[at] == 'i').Take(DotlessSpellingsOf).ToArray();
        for (var mask = 0; mask < 1 << dotted.Length; mask++)
        {
            var spelling = word.ToCharArray();
            for (var bit = 0; bit < dotted.Length; bit++)
            {
                if ((mask & (1 << bit)) != 0)
                {
                    spelling[dotted[bit]] = DotlessI;
                }
            }

            yield return new string(spelling);
        }
    }
}
