using System.Globalization;
using System.Net;
using System.Text;

namespace Talks.Api.Search;

/// <summary>
/// The words of a search as the index compares them — folded to lower case, accents removed, the last one also
/// matching as a prefix — with what the app does with a matching record's text: score it and cut its snippet. The
/// index finds the candidates; reading their few hundred bytes here costs less than asking the index for statistics.
/// Text is read as UTF-8, the form SQLite hands it over in, so scoring a candidate allocates nothing unless a word in
/// it has letters outside ASCII.
/// </summary>
public sealed class QueryTerms
{
    private const double TitleWeight = 2.0;

    /// <summary>How quickly repeats of a word stop adding to the score, as in BM25.</summary>
    private const double Saturation = 1.2;

    /// <summary>How much a long text is marked down, as in BM25; lengths are compared with a typical record's.</summary>
    private const double LengthEffect = 0.75;

    private const int TypicalTitleWords = 6;
    private const int TypicalBodyWords = 30;

    /// <summary>Words in a snippet: about two lines of a results list, as long as FTS5's snippets were.</summary>
    private const int SnippetWords = 20;

    /// <summary>Words shown before the first match, so a snippet does not open on it (a short text is shown whole).</summary>
    private const int LeadingWords = 3;

    private readonly string[] _words;
    private readonly byte[][] _utf8;

    private QueryTerms(string[] words)
    {
        _words = words;
        _utf8 = words.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The words as given, folded; what <see cref="Parse"/> reads back.</summary>
    public string Text => string.Join(' ', _words);

    public static QueryTerms From(IEnumerable<string> words) => new(words.Select(Fold).ToArray());

    /// <summary>Reads <see cref="Text"/>, which the words' own characters cannot break (each is letters and digits).</summary>
    public static QueryTerms Parse(ReadOnlySpan<byte> text) =>
        new(Encoding.UTF8.GetString(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// BM25's weighting of how often and where the words occur (title counting twice), without its corpus-wide
    /// document counts: the records ranked all hold every word, and counting the index for each query costs more than
    /// the rest of a search. PostgreSQL's ts_rank leaves them out too.
    /// </summary>
    public double Score(ReadOnlySpan<byte> title, ReadOnlySpan<byte> body) =>
        TitleWeight * ColumnScore(title, TypicalTitleWords) + ColumnScore(body, TypicalBodyWords);

    private double ColumnScore(ReadOnlySpan<byte> text, int typicalWords)
    {
        Span<int> counts = stackalloc int[_words.Length];
        var length = 0;
        var at = 0;
        while (NextWord(text, ref at, out var ascii) is var (start, wordLength) && wordLength > 0)
        {
            length++;
            if (Match(text.Slice(start, wordLength), ascii) is { } i)
            {
                counts[i]++;
            }
        }

        var score = 0.0;
        var norm = Saturation * (1 - LengthEffect + LengthEffect * length / typicalWords);
        foreach (var count in counts)
        {
            score += count * (Saturation + 1) / (count + norm);
        }

        return score;
    }

    /// <summary>
    /// Up to <see cref="SnippetWords"/> words of the text around the most of the query's words, as HTML: the text
    /// escaped, each match in <c>&lt;mark&gt;</c>, "…" where the text goes on.
    /// </summary>
    public string SnippetHtml(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var words = new List<(int Start, int Length)>();
        var matched = new List<int?>();
        for (var at = 0; NextWord(utf8, ref at, out var ascii) is var (wordStart, wordLength) && wordLength > 0;)
        {
            words.Add((wordStart, wordLength));
            matched.Add(Match(utf8.AsSpan(wordStart, wordLength), ascii));
        }

        var first = 0;
        var best = (Distinct: 0, All: 0);
        for (var m = 0; m < words.Count; m++)
        {
            if (matched[m] is null)
            {
                continue;
            }

            var from = Math.Clamp(m - LeadingWords, 0, Math.Max(0, words.Count - SnippetWords));
            var window = matched.Skip(from).Take(SnippetWords).Where(i => i is not null).ToList();
            var found = (Distinct: window.Distinct().Count(), All: window.Count);
            if (found.CompareTo(best) > 0)
            {
                (best, first) = (found, from);
            }
        }

        var last = Math.Min(words.Count, first + SnippetWords) - 1;
        if (last < first)
        {
            return WebUtility.HtmlEncode(text);
        }

        string Between(int from, int to) => WebUtility.HtmlEncode(Encoding.UTF8.GetString(utf8, from, to - from));

        var snippet = new StringBuilder();
        snippet.Append(first > 0 ? "…" : Between(0, words[0].Start));
        for (var i = first; i <= last; i++)
        {
            var word = Between(words[i].Start, words[i].Start + words[i].Length);
            snippet.Append(matched[i] is null ? word : $"<mark>{word}</mark>");

            var after = words[i].Start + words[i].Length;
            if (i < last)
            {
                snippet.Append(Between(after, words[i + 1].Start));
            }
            else if (i + 1 == words.Count)
            {
                snippet.Append(Between(after, utf8.Length).TrimEnd());
            }
        }

        if (last + 1 < words.Count)
        {
            snippet.Append('…');
        }

        return snippet.ToString();
    }

    /// <summary>Which query word <paramref name="word"/> is (the last also by prefix), if any.</summary>
    private int? Match(ReadOnlySpan<byte> word, bool ascii)
    {
        if (!ascii)
        {
            return Match(Fold(Encoding.UTF8.GetString(word)));
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            var query = _utf8[i];
            var same = i == _utf8.Length - 1
                ? word.Length >= query.Length && Ascii.EqualsIgnoreCase(word[..query.Length], query)
                : Ascii.EqualsIgnoreCase(word, query);
            if (same)
            {
                return i;
            }
        }

        return null;
    }

    private int? Match(string folded)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var same = i == _words.Length - 1
                ? folded.StartsWith(_words[i], StringComparison.Ordinal)
                : folded.Equals(_words[i], StringComparison.Ordinal);
            if (same)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Lower case without accents, as the index's tokenizer (unicode61, remove_diacritics 2) stores a word.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// The next run of letters and digits (with their accents) from <paramref name="at"/> on, as the index splits text
    /// into words, and moves past it; a length of 0 at the end.
    /// </summary>
    private static (int Start, int Length) NextWord(ReadOnlySpan<byte> text, ref int at, out bool ascii)
    {
        while (at < text.Length && !InWord(text, at, out var width))
        {
            at += width;
        }

        var start = at;
        ascii = true;
        while (at < text.Length && InWord(text, at, out var width))
        {
            ascii &= width == 1;
            at += width;
        }

        return (start, at - start);
    }

    /// <summary>Whether the character at <paramref name="at"/> belongs to a word, and how many bytes it takes.</summary>
    private static bool InWord(ReadOnlySpan<byte> text, int at, out int width)
    {
        var b = text[at];
        if (b < 0x80)
        {
            width = 1;
            return AsciiWordBytes[b] != 0;
        }

        Rune.DecodeFromUtf8(text[at..], out var rune, out width);
        return Rune.IsLetterOrDigit(rune)
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>1 for the ASCII letters and digits, by byte value.</summary>
    private static ReadOnlySpan<byte> AsciiWordBytes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];
}
