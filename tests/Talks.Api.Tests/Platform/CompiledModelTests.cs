using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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
                    $"in {p.GetColumnName()} ({p.GetColumnType()}, max {p.GetMaxLength()}, generated {p.ValueGenerated})"))
                .Concat(e.GetKeys().Select(k => $"{e.Name} key {Names(k.Properties)}{(k.IsPrimaryKey() ? " primary" : "")}"))
                .Concat(e.GetIndexes().Select(i => $"{e.Name} index {Names(i.Properties)}{(i.IsUnique ? " unique" : "")}"))
                .Concat(e.GetForeignKeys().Select(f =>
                    $"{e.Name} foreign key {Names(f.Properties)} to {f.PrincipalEntityType.Name} on delete {f.DeleteBehavior}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));

    private static TalksDbContext Context(string provider, bool compiled)
    {
        var options = new DbContextOptionsBuilder<TalksDbContext>();
        if (provider == "Sqlite")
        {
            options.UseSqlite("Data Source=:memory:");
            if (compiled)
            {
                options.UseModel(global::Talks.Migrations.Sqlite.CompiledModel.TalksDbContextModel.Instance);
            }
        }
        else
        {
            options.UseNpgsql("Host=localhost");
            if (compiled)
            {
                options.UseModel(global::Talks.Migrations.Postgres.CompiledModel.TalksDbContextModel.Instance);
            }
        }

        return new TalksDbContext(options.Options);
    }
}
