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
