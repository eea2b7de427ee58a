using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Talks.Api.Hosting.Database;
using Talks.Data;

namespace Talks.Api.Tests.Platform;

/// <summary>
/// The app reads each provider's model from the files <c>migrations/regenerate-compiled-models</c> writes, not from
/// the entity configurations. A configuration changed without regenerating would leave the app mapping the old
/// schema; these fail first, naming the script.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheCompiledModelMapsWhatTheConfigurationsMap(string provider)
    {
        using var configured = Context(provider, compiled: false);
        using var compiled = Context(provider, compiled: true);

        var expected = Describe(configured.GetService<IDesignTimeModel>().Model);
        var actual = Describe(compiled.Model);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The compiled {provider} model differs from the configurations; run migrations/regenerate-compiled-models.\n" +
            $"Only in the configurations: {string.Join("; ", missing)}\nOnly in the compiled model: {string.Join("; ", extra)}");
    }

    /// <summary>
    /// What reads and writes rely on, one line each: every entity's table, its properties (CLR type, nullability,
    /// conversion, column, column type, length), keys, indexes and foreign keys.
    /// </summary>
    private static List<string> Describe(IModel model) =>
        model.GetEntityTypes().SelectMany(e => Enumerable.Empty<string>()
                .Append($"{e.Name} in {e.GetTableName()}")
                .Concat(e.GetProperties().Select(p =>
                    $"{e.Name}.{p.Name}: {p.ClrType.Name}{(p.IsNullable ? "?" : "")} as {p.GetTypeMapping().Converter?.GetType().Name ?? "-"} " +
                    $"in {p.GetColumnName()} ({p.GetColumnType()}, max {p.GetMaxLength()}, generated {p.ValueGenerated}){ProviderSettings(p)}"))
                .Concat(e.GetKeys().Select(k => $"{e.Name} key {Names(k.Properties)}{(k.IsPrimaryKey() ? " primary" : "")}"))
                .Concat(e.GetIndexes().Select(i => $"{e.Name} index {Names(i.Properties)}{(i.IsUnique ? " unique" : "")}"))
                .Concat(e.GetForeignKeys().Select(f =>
                    $"{e.Name} foreign key {Names(f.Properties)} to {f.PrincipalEntityType.Name} on delete {f.DeleteBehavior}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>What only one provider's model carries, such as PostgreSQL's identity columns: tells the two models apart.</summary>
    private static string ProviderSettings(IReadOnlyAnnotatable item) =>
        string.Concat(item.GetAnnotations()
            .Where(a => a.Name.StartsWith("Npgsql:", StringComparison.Ordinal) || a.Name.StartsWith("Sqlite:", StringComparison.Ordinal))
            // The compiled model spells out "None" where the configured one leaves the setting out; both mean the same.
            .Where(a => a.Value?.ToString() != "None")
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => $", {a.Name}={a.Value}"));

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));

    /// <summary>The app's own choice of compiled model for the provider, or none: the model built from the configurations.</summary>
    private static TalksDbContext Context(string provider, bool compiled)
    {
        var options = new DbContextOptionsBuilder<TalksDbContext>();
        var chosen = provider == "Sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        if (chosen == DatabaseProvider.Sqlite)
        {
            options.UseSqlite("Data Source=:memory:");
        }
        else
        {
            options.UseNpgsql("Host=localhost");
        }

        if (compiled)
        {
            options.UseCompiledModel(chosen);
        }

        return new TalksDbContext(options.Options);
    }
}
