using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;

namespace Talks.Api.Infrastructure;

/// <summary>Stable, URL-safe, kebab-case ids.</summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(id);

    public const string Rule = "lower-case letters and digits in words joined by single hyphens, at most 100 characters (e.g. 'rustem-umerov')";

    /// <summary>"Hakan Fidan" → "hakan-fidan"; "Dolmabahçe" → "dolmabahce".</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
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

    /// <summary>The slug of <paramref name="name"/>, numbered ("-2", "-3", …) past ids already taken.</summary>
    public static async Task<string> NewIdAsync<T>(DbSet<T> set, string name, CancellationToken cancellationToken) where T : Entity
    {
        var root = From(name);
        var prefix = root + "-";
        var taken = await set.Where(e => e.Id == root || e.Id.StartsWith(prefix)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (!taken.Contains(root))
        {
            return root;
        }

        var n = 2;
        while (taken.Contains($"{root}-{n}"))
        {
            n++;
        }

        return $"{root}-{n}";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
