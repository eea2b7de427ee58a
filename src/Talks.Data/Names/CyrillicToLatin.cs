using System.Text;

namespace Talks.Data.Names;

/// <summary>
/// Cyrillic written in Latin letters, letter by letter, as English-language sources most often write Russian names
/// (BGN/PCGN without its diacritics: "Мединский" is "Medinskiy", "Щёкин" "Shchekin"); the letters Ukrainian adds
/// read as Ukrainian (і i, ї yi, є ye, ґ g). Search indexes a person's or party's Cyrillic names in these letters too,
/// and reads a Cyrillic query in them, so a name is found in either script. The search migrations write this table
/// into their SQL: a change to it needs a migration that rebuilds the people's and parties' search entries.
/// </summary>
public static class CyrillicToLatin
{
    /// <summary>Each lower-case letter and its Latin letters; the capitals read the same.</summary>
    private static readonly (char Cyrillic, string Latin)[] Letters =
    [
        ('а', "a"), ('б', "b"), ('в', "v"), ('г', "g"), ('д', "d"), ('е', "e"), ('ё', "e"), ('ж', "zh"), ('з', "z"),
        ('и', "i"), ('й', "y"), ('к', "k"), ('л', "l"), ('м', "m"), ('н', "n"), ('о', "o"), ('п', "p"), ('р', "r"),
        ('с', "s"), ('т', "t"), ('у', "u"), ('ф', "f"), ('х', "kh"), ('ц', "ts"), ('ч', "ch"), ('ш', "sh"), ('щ', "shch"),
        ('ъ', ""), ('ы', "y"), ('ь', ""), ('э', "e"), ('ю', "yu"), ('я', "ya"), ('і', "i"), ('ї', "yi"), ('є', "ye"),
        ('ґ', "g"),
    ];

    private static readonly Dictionary<char, string> ByLetter = Letters
        .SelectMany(l => new[] { (l.Cyrillic, l.Latin), (char.ToUpperInvariant(l.Cyrillic), l.Latin) })
        .ToDictionary(l => l.Item1, l => l.Item2);

    /// <summary><paramref name="text"/> with its Cyrillic letters in Latin ones; every other character as it is.</summary>
    public static string Transliterate(string text)
    {
        var latin = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (ByLetter.TryGetValue(c, out var letters))
            {
                latin.Append(letters);
            }
            else
            {
                latin.Append(c);
            }
        }

        return latin.ToString();
    }

    /// <summary>
    /// The same in PostgreSQL's SQL, for the text of <paramref name="expression"/>: nested <c>replace</c> calls, one
    /// per letter and case.
    /// </summary>
    public static string Sql(string expression) =>
        ByLetter.OrderBy(l => l.Key).Aggregate(expression, (sql, l) => $"replace({sql}, '{l.Key}', '{l.Value}')");

    /// <summary>
    /// The same in SQLite's SQL, letter by letter through a recursive query over the table above. Not nested
    /// <c>replace</c> calls: 74 deep, they overflow the parser of SQLite builds with its default stack, the
    /// <c>sqlite3</c> shell among them, which then cannot read the database's schema at all.
    /// </summary>
    public static string SqliteSql(string expression)
    {
        var table = string.Join(", ", ByLetter.OrderBy(l => l.Key).Select(l => $"('{l.Key}', '{l.Value}')"));
        var letter = $"substr({expression}, i, 1)";
        return $"(WITH RECURSIVE latin(i, t) AS (SELECT 1, '' UNION ALL SELECT i + 1, t || coalesce((SELECT column2 FROM (VALUES {table}) "
            + $"WHERE column1 = {letter}), {letter}) FROM latin WHERE i <= length({expression})) SELECT t FROM latin ORDER BY i DESC LIMIT 1)";
    }
}
