using System.Text.RegularExpressions;

namespace Talks.Data.Entities;

/// <summary>
/// A frozen, citable version of the whole data set. Its id is the version (<c>2025.1</c>); what it holds is rendered
/// once, when it is made, into <see cref="ReleasePart"/> rows, so later edits of the live records change nothing in it.
/// </summary>
public sealed partial class Release : Entity
{
    /// <summary>Calendar versioning: the year, a dot, and a number counting from 1 within the year (2025.1, 2025.2, 2026.1).</summary>
    public const string VersionPattern = @"^(19|20|21)[0-9]{2}\.[1-9][0-9]{0,3}$";

    public static bool IsVersion(string? text) => text is not null && VersionRegex().IsMatch(text);

    [GeneratedRegex(VersionPattern, RegexOptions.CultureInvariant)]
    private static partial Regex VersionRegex();

    public string? Notes { get; set; }

    /// <summary>The change feed's newest change number when the data was read: the release holds every change up to it.</summary>
    public long ChangeNumber { get; set; }

    /// <summary>JSON object: resource name → number of rows, in the package's order.</summary>
    public string Counts { get; set; } = "{}";

    /// <summary>How many bytes each stored part holds (the last may hold fewer).</summary>
    public int PartSize { get; set; }

    /// <summary>The Data Package zip: its length and lower-case hex SHA-256 (the download's ETag).</summary>
    public long ZipLength { get; set; }

    public string ZipSha256 { get; set; } = "";

    /// <summary>The same data as one JSON document.</summary>
    public long JsonLength { get; set; }

    public string JsonSha256 { get; set; } = "";
}

/// <summary>One stored slice of a release's rendered bytes; a download reads them in order.</summary>
public sealed class ReleasePart
{
    public string ReleaseId { get; set; } = "";

    /// <summary><see cref="ReleaseFormat"/> as text: "zip" or "json".</summary>
    public string Format { get; set; } = "";

    public int Ordinal { get; set; }

    public byte[] Bytes { get; set; } = [];
}

public static class ReleaseFormat
{
    public const string Zip = "zip";
    public const string Json = "json";
}
