using System.Collections;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Releases;

/// <summary>
/// What a release holds: one table per stored collection, parents before the tables that point at them. Columns,
/// keys and references are read from the EF model, so a new column is released without touching this file.
/// </summary>
internal static class ReleaseTables
{
    public static IReadOnlyList<ReleaseTable> For(IModel model) =>
    [
        ReleaseTable.Of<Source>(model, "sources"),
        ReleaseTable.Of<Topic>(model, "topics"),
        ReleaseTable.Of<Party>(model, "parties"),
        ReleaseTable.Of<PartyName>(model, "party-names"),
        ReleaseTable.Of<PartyMember>(model, "party-members"),
        ReleaseTable.Of<Person>(model, "people"),
        ReleaseTable.Of<PersonOffice>(model, "person-offices"),
        ReleaseTable.Of<PersonName>(model, "person-names"),
        ReleaseTable.Of<Talk>(model, "talks"),
        ReleaseTable.Of<Round>(model, "rounds"),
        ReleaseTable.Of<RoundParticipant>(model, "round-participants"),
        ReleaseTable.Of<RoundDelegate>(model, "round-delegates"),
        ReleaseTable.Of<Position>(model, "positions"),
        ReleaseTable.Of<Statement>(model, "statements"),
        ReleaseTable.Of<Agreement>(model, "agreements"),
        ReleaseTable.Of<AgreementRenewal>(model, "agreement-renewals"),
        ReleaseTable.Of<Obligation>(model, "obligations"),
        ReleaseTable.Of<AgreementEvent>(model, "agreement-events"),
    ];
}

/// <summary>A column as the package describes it (a Table Schema field) and how its values are written.</summary>
internal sealed record ReleaseField(string Name, string Type, string? Format, bool Required, IReadOnlyList<string>? Allowed, IProperty Property)
{
    /// <summary>
    /// Times are ISO 8601 in UTC with six fractional digits (microseconds: what both providers keep). Table Schema's
    /// default datetime format has no fraction, and a pattern with <c>%f</c> means six digits to Python's libraries but
    /// three to JavaScript's (tableschema 1.12), so the field says "any": each reads ISO 8601 in full.
    /// </summary>
    public const string DateTimeFormat = "any";

    public object? ValueOf(object row) => Property.PropertyInfo!.GetValue(row);
}

/// <summary>A Table Schema foreign key: these fields name a row of that resource ("" is this one).</summary>
internal sealed record ReleaseReference(IReadOnlyList<string> Fields, string Resource, IReadOnlyList<string> ReferencedFields);

internal sealed class ReleaseTable
{
    public required string Name { get; init; }
    public required Type ClrType { get; init; }
    public required IReadOnlyList<ReleaseField> Fields { get; init; }
    public required IReadOnlyList<string> PrimaryKey { get; init; }
    public required IReadOnlyList<ReleaseReference> ForeignKeys { get; init; }

    /// <summary>Every row, in primary-key order, one at a time.</summary>
    public required Func<TalksDbContext, IAsyncEnumerable<object>> Rows { get; init; }

    public string Path => $"data/{Name}.csv";

    public static ReleaseTable Of<T>(IModel model, string name) where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var key = entity.FindPrimaryKey()!.Properties;
        var declared = typeof(T).GetProperties().Select(p => p.Name).ToList();
        var properties = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .OrderBy(p => key.Contains(p) ? key.ToList().IndexOf(p) : key.Count + declared.IndexOf(p.Name))
            .ToList();
        return new ReleaseTable
        {
            Name = name,
            ClrType = typeof(T),
            Fields = properties.Select(Field).ToList(),
            PrimaryKey = key.Select(p => Camel(p.Name)).ToList(),
            ForeignKeys = entity.GetForeignKeys()
                .Select(fk => new ReleaseReference(
                    fk.Properties.Select(p => Camel(p.Name)).ToList(),
                    fk.PrincipalEntityType == entity ? "" : NameOf(fk.PrincipalEntityType.ClrType),
                    fk.PrincipalKey.Properties.Select(p => Camel(p.Name)).ToList()))
                .OrderBy(r => string.Join(",", r.Fields), StringComparer.Ordinal)
                .ToList(),
            Rows = db => OrderedByKey(db.Set<T>().AsNoTracking(), key).AsAsyncEnumerable().Select(row => (object)row),
        };
    }

    private static string NameOf(Type type) => type.Name switch
    {
        nameof(Source) => "sources",
        nameof(Topic) => "topics",
        nameof(Party) => "parties",
        nameof(Person) => "people",
        nameof(Talk) => "talks",
        nameof(Round) => "rounds",
        nameof(Position) => "positions",
        nameof(Statement) => "statements",
        nameof(Agreement) => "agreements",
        _ => throw new InvalidOperationException($"A released table points at {type.Name}, which is not released."),
    };

    private static IQueryable<T> OrderedByKey<T>(IQueryable<T> rows, IReadOnlyList<IProperty> key)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var ordered = rows;
        for (var i = 0; i < key.Count; i++)
        {
            var column = Expression.Property(row, key[i].PropertyInfo!);
            var method = typeof(Queryable).GetMethods()
                .Single(m => m.Name == (i == 0 ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy)) && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), column.Type);
            ordered = (IQueryable<T>)method.Invoke(null, [ordered, Expression.Lambda(column, row)])!;
        }

        return ordered;
    }

    private static ReleaseField Field(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var required = !property.IsNullable;
        var name = Camel(property.Name);
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToList();
            return new ReleaseField(name, "string", null, required, names, property);
        }

        var (tableType, format) = type switch
        {
            _ when type == typeof(string) => ("string", (string?)null),
            _ when type == typeof(int) || type == typeof(long) => ("integer", null),
            _ when type == typeof(double) => ("number", null),
            _ when type == typeof(bool) => ("boolean", null),
            _ when type == typeof(DateOnly) => ("date", null),
            _ when type == typeof(DateTime) => ("datetime", ReleaseField.DateTimeFormat),
            _ when typeof(IEnumerable).IsAssignableFrom(type) => ("array", null),
            _ => throw new InvalidOperationException($"No Table Schema type for {property.DeclaringType.ClrType.Name}.{property.Name} ({type.Name})."),
        };
        return new ReleaseField(name, tableType, format, required, null, property);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
