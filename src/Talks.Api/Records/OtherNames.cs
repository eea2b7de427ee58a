using Talks.Data.Entities;

namespace Talks.Api.Records;

/// <summary>
/// A name a party or person is also known by, as clients send and read it: "Мединский" (<c>ru</c>, native),
/// "Medinskiy" (<c>ru-Latn</c>, transliteration), "Timochenko" (alias).
/// </summary>
public sealed record OtherNameDto
{
    /// <summary>The name as it is written, in its own script.</summary>
    public required string Name { get; init; }

    /// <summary>The language, and the script when it is not the language's usual one, as a BCP 47 tag ("uk", "ru-Latn", "fa"); null when not known.</summary>
    public string? Language { get; init; }

    /// <summary>What kind of name it is: official, short, native, transliteration, former or alias.</summary>
    public required NameKind Kind { get; init; }
}

/// <summary>A request for a record that has other names.</summary>
public interface IKnownByOtherNames
{
    /// <summary>The names it is also known by, in order; omit to keep the stored ones.</summary>
    IReadOnlyList<OtherNameDto>? OtherNames { get; }
}

/// <summary>Reads and writes the other names of parties and people, keeping the order they were given in.</summary>
public static class OtherNames
{
    public static OtherNameDto ToDto(OtherName n) => new() { Name = n.Name, Language = n.Language, Kind = n.Kind };

    /// <summary>Makes the stored names match <paramref name="desired"/>; null leaves them as they are.</summary>
    public static void Apply<T>(List<T> stored, IReadOnlyList<OtherNameDto>? desired, Func<T> create) where T : OtherName
    {
        if (desired is null)
        {
            return;
        }

        var rows = desired.Select((d, i) =>
        {
            var row = create();
            row.Ordinal = i + 1;
            row.Name = d.Name;
            row.Language = d.Language;
            row.Kind = d.Kind;
            return row;
        }).ToList();
        stored.Sync(rows, n => n.Ordinal, (from, to) =>
        {
            to.Name = from.Name;
            to.Language = from.Language;
            to.Kind = from.Kind;
        });
    }
}
