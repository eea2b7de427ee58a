using Talks.Api.Releases;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Releases;

/// <summary><c>release create</c> and <c>release export</c>: cutting and fetching a release without the HTTP API.</summary>
public sealed class ReleaseCommandTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talks-release-export-").FullName;

    [Fact]
    public async Task AReleaseCreatedOnTheCommandLineIsServedAndExportsToTheSameBytes()
    {
        var version = ReleasePackage.NextVersion();
        var path = Path.Combine(_folder, "talks.zip");
        var jsonPath = Path.Combine(_folder, "talks.json");

        var (created, createdOutput, _) = await RunAsync("release", "create", version, "--notes", "From the command line.");
        var (exported, exportedOutput, _) = await RunAsync("release", "export", version, path);
        var (exportedJson, _, _) = await RunAsync("release", "export", version, jsonPath, "--format", "json");

        Assert.Equal((0, 0, 0), (created, exported, exportedJson));
        Assert.Equal(version, createdOutput.Trim());
        Assert.Equal(path, exportedOutput.Trim());
        using var client = factory.CreateAnonymousClient();
        var release = await client.GetJsonAsync($"/api/v1/releases/{version}");
        Assert.Equal("From the command line.", release.Text("notes"));
        Assert.Equal(await ReleasePackage.DownloadAsync(client, version), await File.ReadAllBytesAsync(path));
        Assert.Equal(await ReleasePackage.DownloadAsync(client, version, "json"), await File.ReadAllBytesAsync(jsonPath));
    }

    [Fact]
    public async Task TheCommandsRefuseABadVersionADuplicateAnUnknownReleaseAndAnExistingFile()
    {
        var version = ReleasePackage.NextVersion();
        var existing = Path.Combine(_folder, "existing.zip");
        await File.WriteAllTextAsync(existing, "keep me");
        await RunAsync("release", "create", version);

        var (badVersion, _, badVersionErrors) = await RunAsync("release", "create", "2025.01");
        var (duplicate, _, _) = await RunAsync("release", "create", version);
        var (unknown, _, _) = await RunAsync("release", "export", "1999.9", Path.Combine(_folder, "none.zip"));
        var (overwrite, _, _) = await RunAsync("release", "export", version, existing);
        var (usage, _, _) = await RunAsync("release", "publish", version);

        Assert.Equal((2, 1, 1, 1, 2), (badVersion, duplicate, unknown, overwrite, usage));
        Assert.Contains("YYYY.N", badVersionErrors);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ReleaseCommands.RunAsync(factory.Services, args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
