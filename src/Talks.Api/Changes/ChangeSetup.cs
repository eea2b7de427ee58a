using Talks.Api.Answers.Caching;

namespace Talks.Api.Changes;

/// <summary>The change numbers the read cache keys its answers by, and the per-process watch on the change table that live streams wait on.</summary>
public static class ChangeSetup
{
    public static WebApplicationBuilder AddTalksChanges(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChangeNumbers>();
        builder.Services.AddSingleton<IChangeNumbers>(sp => sp.GetRequiredService<ChangeNumbers>());
        builder.Services.AddSingleton<ChangeSignal>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeSignal>());
        return builder;
    }
}
