using Microsoft.Extensions.DependencyInjection.Extensions;
using Talks.Api.Answers.Caching;
using Talks.Api.Hosting.Database;
using Talks.Data;

namespace Talks.Api.Changes;

/// <summary>
/// The change numbers the read cache keys its answers by — on PostgreSQL kept in memory and moved by the notifications
/// a listener hears — what tells them of this process's own commits, the headers that let a client read its own writes
/// through any instance, and the per-process watch on the change table that live streams wait on.
/// </summary>
public static class ChangeSetup
{
    public static WebApplicationBuilder AddTalksChanges(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = services.Select(s => s.ImplementationInstance).OfType<DatabaseInfo>().SingleOrDefault()
            ?? throw new InvalidOperationException("AddTalksData must come before AddTalksChanges: the numbers depend on the provider.");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<PostgresChangeNumbers>();
            services.AddSingleton<ChangeNumbers>(sp => sp.GetRequiredService<PostgresChangeNumbers>());
            services.AddSingleton<ChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<ChangeListener>());
            services.AddHealthChecks().AddCheck<ChangeNotificationsCheck>("change-notifications", tags: ["ready"]);
        }
        else
        {
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<ChangeNumbers, SqliteChangeNumbers>();
        }

        services.AddSingleton<IChangeNumbers>(sp => sp.GetRequiredService<ChangeNumbers>());
        services.AddSingleton<ChangeCommits>();
        services.ConfigureDbContext<TalksDbContext>(
            (sp, options) => options.AddInterceptors(sp.GetRequiredService<ChangeCommits>()), ServiceLifetime.Singleton);
        services.ConfigureSwaggerGen(o => o.OperationFilter<ChangeHeaderDocs>());
        services.AddSingleton<ChangeSignal>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeSignal>());
        return builder;
    }

    /// <summary>
    /// After the limits, so a read that waits for a change has been counted; before the kept answers, which are keyed
    /// by the numbers it waits for. A replayed answer to a retried write names no change: the replay keeps the status,
    /// body, Location and ETag of the first answer only.
    /// </summary>
    public static WebApplication UseTalksReadYourWrites(this WebApplication app)
    {
        app.UseMiddleware<ReadYourWrites>();
        return app;
    }
}
