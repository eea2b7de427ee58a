using System.Globalization;
using System.Text;

namespace Talks.Api.Search;

/// <summary>The word side of <see cref="QueryTerms"/>: text split into words as the index splits it.</summary>
public sealed partial class QueryTerms
{
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
