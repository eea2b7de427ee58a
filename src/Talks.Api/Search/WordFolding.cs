using System.Globalization;
using System.Text;

namespace Talks.Api.Search;

/// <summary>How a word is folded for comparison, the same way on both providers' indexes and in the app's scoring.</summary>
internal static class WordFolding
{
    /// <summary>
    /// Lower case without accents, as the index's tokenizer (unicode61, remove_diacritics 2) stores a word, and the
    /// Turkish dotless ı read as i, as PostgreSQL's unaccent reads it: "Çırağan" is "ciragan".
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
        }

        return folded.ToString();
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
