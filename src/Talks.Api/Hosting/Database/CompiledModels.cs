using Microsoft.EntityFrameworkCore;

namespace Talks.Api.Hosting.Database;

public static class CompiledModels
{
    /// <summary>
    /// Each provider's model comes precompiled (<c>migrations/Talks.Migrations.*/CompiledModel</c>), so a start does not
    /// build it from the configurations. <c>migrations/regenerate-compiled-models</c> builds without them
    /// (<c>WithoutCompiledModels</c>): the tool must read the configurations, and the old files may no longer compile.
    /// Public so the tests compare the very model each provider is given.
    /// </summary>
    public static DbContextOptionsBuilder UseCompiledModel(this DbContextOptionsBuilder options, DatabaseProvider provider)
    {
#if WITHOUT_COMPILED_MODELS
        return options;
#else
        return options.UseModel(provider == DatabaseProvider.Postgres
            ? global::Talks.Migrations.Postgres.CompiledModel.TalksDbContextModel.Instance
            : global::Talks.Migrations.Sqlite.CompiledModel.TalksDbContextModel.Instance);
#endif
    }
}
