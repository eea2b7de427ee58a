using Talks.Api.Backups;
using Talks.Api.Keys;
using Talks.Api.Releases;

namespace Talks.Api.Startup;

/// <summary>
/// The app's own command line (<c>keys</c>, <c>backup</c>, <c>release</c>): each runs against the same configured,
/// migrated database as the API and exits instead of serving.
/// </summary>
public static class TalksCommands
{
    public static bool Matches(string[] args) => KeyCommands.Matches(args) || BackupCommands.Matches(args) || ReleaseCommands.Matches(args);

    public static Task<int> RunAsync(IServiceProvider services, string[] args) =>
        KeyCommands.Matches(args) ? KeyCommands.RunAsync(services, args, Console.Out, Console.Error)
        : BackupCommands.Matches(args) ? BackupCommands.RunAsync(services, args, Console.Out, Console.Error)
        : ReleaseCommands.RunAsync(services, args, Console.Out, Console.Error);
}
