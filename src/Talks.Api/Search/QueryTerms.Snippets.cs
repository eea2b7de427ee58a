using System.Net;
using System.Text;

namespace Talks.Api.Search;

/// <summary>The snippet side of <see cref="QueryTerms"/>: where in a matching record the words are, shown as HTML.</summary>
public sealed partial class QueryTerms
{
    /// <summary>Words in a snippet: about two lines of a results list, as long as FTS5's snippets were.</summary>
    private const int SnippetWords = 20;

    /// <summary>Words shown before the first match, so a snippet does not open on it (a short text is shown whole).</summary>
    private const int LeadingWords = 3;

    /// <summary>
    /// The snippet of a matching record: cut from its body, or from its title when only the title holds the words (a
    /// round found by its venue shows the venue, not a blank or unrelated body).
    /// </summary>
    public string SnippetHtml(string title, string body)
    {
        var ofBody = SnippetHtml(body, out var inBody);
        if (inBody)
        {
            return ofBody;
        }

        var ofTitle = SnippetHtml(title, out var inTitle);
        return inTitle || ofBody.Length == 0 ? ofTitle : ofBody;
    }

    /// <summary>
    /// Up to <see cref="SnippetWords"/> words of the text around the most of the query's words, as HTML: the text
    /// escaped, each match in <c>&lt;mark&gt;</c>, "…" where the text goes on; <paramref name="found"/> says whether
    /// any word matched.
    /// </summary>
    private string SnippetHtml(string text, out bool found)
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
            var here = (Distinct: window.Distinct().Count(), All: window.Count);
            if (here.CompareTo(best) > 0)
            {
                (best, first) = (here, from);
            }
        }

        found = best.All > 0;

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
}
