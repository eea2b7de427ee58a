namespace Talks.Data.Entities;

/// <summary>
/// A name a party or a person is also known by: "Мединский" (ru) and "Medinskiy" (en, a transliteration) beside
/// "Medinsky"; "P5+1" beside "E3/EU+3"; a former name or a nom de guerre.
/// </summary>
public abstract class OtherName
{
    /// <summary>Keeps the names in the order they were given.</summary>
    public int Ordinal { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The language and, where it matters, the script, as a BCP 47 tag: "ru", "uk", "fa", "ru-Latn", "en".</summary>
    public string? Language { get; set; }

    public NameKind Kind { get; set; }
}

/// <summary>What kind of other name it is.</summary>
public enum NameKind
{
    /// <summary>The full official name ("Revolutionary Armed Forces of Colombia – People's Army").</summary>
    Official,

    /// <summary>A short name or acronym ("FARC-EP", "P5+1").</summary>
    Short,

    /// <summary>The name in the bearer's own language and script ("Мединский").</summary>
    Native,

    /// <summary>The name written in another script, by some scheme ("Medinskiy").</summary>
    Transliteration,

    /// <summary>A name borne before ("Ukrainian SSR").</summary>
    Former,

    /// <summary>A nom de guerre or other alias ("Timochenko").</summary>
    Alias,
}
