using Microsoft.EntityFrameworkCore;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Releases;

/// <summary>
/// <c>release create VERSION [--notes TEXT]</c> cuts a release as the endpoint does; <c>release export VERSION PATH
/// [--format json]</c> writes a stored release to a file, byte for byte what the download serves.
/// </summary>
public static class ReleaseCommands
{
    private const string Usage =
        "Usage: release create VERSION [--notes TEXT] | release export VERSION PATH [--format zip|json]   (VERSION is YYYY.N, e.g. 2025.1)";

    public static bool Matches(string[] args) => args is ["release", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TalksDbContext>();
        switch (args)
        {
            case ["release", "create", var version, .. var rest] when rest is [] or ["--notes", _]:
                if (!Release.IsVersion(version))
                {
                    await errors.WriteLineAsync($"'{version}' is not a release version. {Usage}");
                    return 2;
                }

                db.ActorOverride = "command-line";
                var outcome = await scope.ServiceProvider.GetRequiredService<ReleaseMaker>()
                    .CreateAsync(version, rest is [_, var notes] ? notes : null, CancellationToken.None);
                if (outcome.Release is not { } release)
                {
                    await errors.WriteLineAsync($"A release '{version}' already exists; a release is never replaced.");
                    return 1;
                }

                await output.WriteLineAsync(release.Id);
                await errors.WriteLineAsync(
                    $"Released {release.Id} at change {release.ChangeNumber}: {release.ZipLength} bytes, sha256 {release.ZipSha256}.");
                return 0;
            case ["release", "export", var version, var path, .. var rest]
                when !path.StartsWith('-') && rest is [] or ["--format", ReleaseFormat.Zip or ReleaseFormat.Json]:
                return await ExportAsync(db, version, path, rest is [_, var format] ? format : ReleaseFormat.Zip, output, errors);
            default:
                await errors.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ExportAsync(TalksDbContext db, string version, string path, string format, TextWriter output, TextWriter errors)
    {
        if (await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == version) is not { } release)
        {
            await errors.WriteLineAsync($"No release has the version '{version}'.");
            return 1;
        }

        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            await errors.WriteLineAsync($"'{full}' already exists; an export never overwrites a file.");
            return 1;
        }

        var json = format == ReleaseFormat.Json;
        await using (var content = new ReleaseContent(db, release.Id, format, json ? release.JsonLength : release.ZipLength, release.PartSize))
        await using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file);
        }

        await output.WriteLineAsync(full);
        await errors.WriteLineAsync($"Exported release {release.Id} to {full} (sha256 {(json ? release.JsonSha256 : release.ZipSha256)}).");
        return 0;
    }
}
