using System.Buffers;
using System.Text;

namespace Talks.Api.Search;

/// <summary>
/// The words of a search as the index compares them — folded to lower case, accents removed, the last one also
/// matching as a prefix — with what the app does with a matching record's text: score it and cut its snippet. The
/// index finds the candidates; reading their few hundred bytes here costs less than asking the index for statistics.
/// Text is read as UTF-8, the form SQLite hands it over in, so scoring a candidate allocates nothing unless a word in
/// it has letters outside ASCII.
/// </summary>
public sealed partial class QueryTerms
{
    private const double TitleWeight = 2.0;

    /// <summary>How quickly repeats of a word stop adding to the score, as in BM25.</summary>
    private const double Saturation = 1.2;

    /// <summary>How much a long text is marked down, as in BM25; lengths are compared with a typical record's.</summary>
    private const double LengthEffect = 0.75;

    /// <summary>Lengths in characters (about six words and thirty), which text in any script gives without splitting it.</summary>
    private const int TypicalTitleCharacters = 40;
    private const int TypicalBodyCharacters = 200;

    /// <summary>Every spelling of every word typed (<see cref="WordFolding.Spellings"/>), folded.</summary>
    private readonly string[] _words;
    private readonly byte[][] _utf8;

    /// <summary>Which word typed each spelling is of.</summary>
    private readonly int[] _typed;

    /// <summary>How many words were typed; the spellings of the last match as prefixes.</summary>
    private readonly int _typedCount;

    /// <summary>Each word's first letter in both cases, to jump through ASCII text; none for a word outside ASCII, which ASCII text cannot hold.</summary>
    private readonly SearchValues<byte>?[] _firstBytes;

    private QueryTerms(string[][] typed)
    {
        _words = typed.SelectMany(spellings => spellings).ToArray();
        _typed = typed.SelectMany((spellings, i) => spellings.Select(_ => i)).ToArray();
        _typedCount = typed.Length;
        _utf8 = _words.Select(Encoding.UTF8.GetBytes).ToArray();
        _firstBytes = _utf8
            .Select(w => Ascii.IsValid(w) ? SearchValues.Create([(byte)char.ToLowerInvariant((char)w[0]), (byte)char.ToUpperInvariant((char)w[0])]) : null)
            .ToArray();
    }

    /// <summary>The words as given, folded, each with its spellings; what <see cref="Parse"/> reads back.</summary>
    public string Text => string.Join(',', Enumerable.Range(0, _typedCount).Select(t => string.Join(' ', Spellings(t))));

    public static QueryTerms From(IEnumerable<string> words) =>
        new(words.Select(w => WordFolding.Spellings(WordFolding.Fold(w)).ToArray()).ToArray());

    /// <summary>Reads <see cref="Text"/>, which the words' own characters cannot break (each is letters and digits).</summary>
    public static QueryTerms Parse(ReadOnlySpan<byte> text) =>
        new(Encoding.UTF8.GetString(text).Split(',').Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());

    /// <summary>The spellings of typed word <paramref name="t"/>, as written, then as they may also be written.</summary>
    public IEnumerable<string> Spellings(int t) => _words.Where((_, i) => _typed[i] == t);

    /// <summary>
    /// BM25's weighting of how often and where the words occur (title counting twice), without its corpus-wide
    /// document counts: the records ranked all hold every word, and counting the index for each query costs more than
    /// the rest of a search. PostgreSQL's ts_rank leaves them out too. A text's length is counted in characters.
    /// </summary>
    public double Score(ReadOnlySpan<byte> title, ReadOnlySpan<byte> body) =>
        TitleWeight * ColumnScore(title, TypicalTitleCharacters) + ColumnScore(body, TypicalBodyCharacters);

    private double ColumnScore(ReadOnlySpan<byte> text, int typicalCharacters)
    {
        Span<int> counts = stackalloc int[_typedCount];
        int characters;
        if (Ascii.IsValid(text))
        {
            characters = text.Length;
            CountInAscii(text, counts);
        }
        else
        {
            characters = Encoding.UTF8.GetCharCount(text);
            CountWordByWord(text, counts);
        }

        var score = 0.0;
        var norm = Saturation * (1 - LengthEffect + LengthEffect * characters / typicalCharacters);
        foreach (var count in counts)
        {
            score += count * (Saturation + 1) / (count + norm);
        }

        return score;
    }

    /// <summary>
    /// Most records are ASCII: each word is looked for where its first letter occurs, and counted where it stands as a
    /// whole word (the last word also at a word's start), without splitting the rest of the text.
    /// </summary>
    private void CountInAscii(ReadOnlySpan<byte> text, Span<int> counts)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (_firstBytes[i] is not { } first)
            {
                continue;
            }

            var query = _utf8[i];
            var prefix = _typed[i] == _typedCount - 1;
            for (var at = 0; at <= text.Length - query.Length; at++)
            {
                var found = text[at..].IndexOfAny(first);
                if (found < 0)
                {
                    break;
                }

                at += found;
                var end = at + query.Length;
                if (end <= text.Length
                    && (at == 0 || AsciiWordBytes[text[at - 1]] == 0)
                    && Ascii.EqualsIgnoreCase(text[at..end], query)
                    && (prefix || end == text.Length || AsciiWordBytes[text[end]] == 0))
                {
                    counts[_typed[i]]++;
                }
            }
        }
    }

    /// <summary>Text with letters outside ASCII is split into words as the index splits it, and each word folded as it folds them.</summary>
    private void CountWordByWord(ReadOnlySpan<byte> text, Span<int> counts)
    {
        for (var at = 0; NextWord(text, ref at, out var ascii) is var (start, length) && length > 0;)
        {
            var word = text.Slice(start, length);
            var folded = FoldedUnlessAscii(word, ascii);
            if (Match(word, folded) is { } typed)
            {
                counts[typed]++;
            }
        }
    }

    /// <summary>Which word typed <paramref name="word"/> is, in any of its spellings (the last also by prefix), if any.</summary>
    private int? Match(ReadOnlySpan<byte> word, bool ascii) => Match(word, FoldedUnlessAscii(word, ascii));

    private int? Match(ReadOnlySpan<byte> word, string? folded)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if (Matches(word, folded, i))
            {
                return _typed[i];
            }
        }

        return null;
    }

    /// <summary>An ASCII word is compared as it is, ignoring case; any other is folded first.</summary>
    private static string? FoldedUnlessAscii(ReadOnlySpan<byte> word, bool ascii) => ascii ? null : WordFolding.Fold(Encoding.UTF8.GetString(word));

    /// <summary>Whether a word of the text is query word <paramref name="i"/> (the last also by prefix).</summary>
    private bool Matches(ReadOnlySpan<byte> word, string? folded, int i)
    {
        var last = _typed[i] == _typedCount - 1;
        if (folded is not null)
        {
            return last ? folded.StartsWith(_words[i], StringComparison.Ordinal) : folded.Equals(_words[i], StringComparison.Ordinal);
        }

        var query = _utf8[i];
        return last
            ? word.Length >= query.Length && Ascii.EqualsIgnoreCase(word[..query.Length], query)
            : Ascii.EqualsIgnoreCase(word, query);
    }

    /// <summary>The spellings SQLite's index may hold for typed word <paramref name="t"/> (see <see cref="WordFolding.IndexSpellings"/>).</summary>
    public IEnumerable<string> IndexSpellings(int t) => Spellings(t).SelectMany(WordFolding.IndexSpellings).Distinct(StringComparer.Ordinal);

    /// <summary>How many words the query has.</summary>
    public int Count => _typedCount;
}
