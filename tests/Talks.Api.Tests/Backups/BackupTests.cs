using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Talks.Api.Backups;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Backups;

/// <summary>A backup taken while analysts write is a working database holding every write acknowledged before it began.</summary>
public sealed class BackupTests : IClassFixture<TalksApiFactory>, IDisposable
{
    private readonly TalksApiFactory _factory;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "talks-tests", "backups-" + Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _app;

    public BackupTests(TalksApiFactory factory)
    {
        _factory = factory;
        _app = factory.WithWebHostBuilder(b => b.UseSetting("Backups:Folder", _folder));
    }

    [SqliteOnlyFact]
    public async Task ABackupTakenWhileEightClientsWriteHoldsEveryWriteAcknowledgedBeforeItStarted()
    {
        var prefix = Unique("Backed");
        var acknowledged = new ConcurrentDictionary<string, DateTime>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            using var client = _app.CreateClient();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"{prefix} {writer} {i}";
                using var response = await client.PostJsonAsync("/api/v1/parties", Party(name));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[IdFrom(name)] = DateTime.UtcNow;
                }
                else
                {
                    failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        })).ToList();

        // Writers are under way, whatever the start-up of the app cost.
        for (var waited = 0; acknowledged.Count < 40 && failures.IsEmpty && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        var before = acknowledged.Keys.ToHashSet();
        using var admin = _app.CreateClient();
        using var response = await admin.PostAsync("/api/v1/admin/backups", null);
        var backup = await response.ReadJsonAsync(HttpStatusCode.Created);
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.True(before.Count >= 8, $"Only {before.Count} writes before the backup.");
        var fileName = backup.Text("fileName")!;
        Assert.DoesNotContain('/', fileName);
        var path = Path.Combine(_folder, fileName);
        Assert.Equal(new FileInfo(path).Length, backup.GetProperty("sizeBytes").GetInt64());

        await using var restored = new TalksApiFactory(path, withKeys: false);
        using var reader = restored.CreateAnonymousClient();
        var found = await AllPartyIdsAsync(reader, IdFrom(prefix));
        var lost = before.Where(id => !found.Contains(id)).ToList();
        Assert.True(lost.Count == 0,
            $"{lost.Count} of {before.Count} acknowledged writes are missing from the backup, e.g. {string.Join(", ", lost.Take(5))}.");
        Assert.All(found, id => Assert.True(acknowledged.ContainsKey(id), $"The backup holds '{id}', which was never acknowledged."));
    }

    [SqliteOnlyFact]
    public async Task OnlyAnAdminKeyMayTakeABackup()
    {
        using var anonymous = _app.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var analyst = _app.CreateClient();
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", _factory.KeyFor(ApiKeyRole.Analyst));

        using var withoutKey = await anonymous.PostAsync("/api/v1/admin/backups", null);
        using var withAnalystKey = await analyst.PostAsync("/api/v1/admin/backups", null);

        await withoutKey.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await withAnalystKey.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder).Any());
    }

    [SqliteOnlyFact]
    public async Task TheCallerCannotChooseWhereTheBackupGoes()
    {
        using var admin = _app.CreateClient();
        var elsewhere = Path.Combine(Path.GetTempPath(), "talks-tests", Guid.NewGuid().ToString("N") + ".db");

        using var withBody = await admin.PostAsync("/api/v1/admin/backups", Http.Json($$"""{ "path": "{{elsewhere}}" }"""));
        using var withQuery = await admin.PostAsync($"/api/v1/admin/backups?path={Uri.EscapeDataString(elsewhere)}", null);

        Assert.False(File.Exists(elsewhere));
        foreach (var response in new[] { withBody, withQuery })
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var name = (await response.ReadJsonAsync(HttpStatusCode.Created)).Text("fileName")!;
                Assert.True(File.Exists(Path.Combine(_folder, name)));
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
        }
    }

    [SqliteOnlyFact]
    public async Task TheBackupCommandWritesAWorkingCopyAndRefusesToOverwrite()
    {
        var path = Path.Combine(_folder, "cli", "talks-copy.db");
        var output = new StringWriter();
        var errors = new StringWriter();

        var first = await BackupCommands.RunAsync(_factory.Services, ["backup", path], output, errors);
        var second = await BackupCommands.RunAsync(_factory.Services, ["backup", path], new StringWriter(), errors);

        Assert.Equal(0, first);
        Assert.Equal(path, output.ToString().Trim());
        Assert.Equal(1, second);
        var dump = await DatabaseDump.ReadAsync(path);
        Assert.NotEmpty(dump["Rounds"]);
    }

    [PostgresOnlyFact]
    public async Task OnPostgresBackupsAreLeftToTheServersOwnTools()
    {
        using var client = _app.CreateClient();
        var errors = new StringWriter();

        using var response = await client.PostAsync("/api/v1/admin/backups", null);
        var code = await BackupCommands.RunAsync(_factory.Services, ["backup", Path.Combine(_folder, "never.db")], new StringWriter(), errors);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, code);
        Assert.Contains("pg_dump", errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    private static async Task<HashSet<string>> AllPartyIdsAsync(HttpClient client, string idPrefix)
    {
        var ids = new HashSet<string>();
        string? url = "/api/v1/parties?limit=200";
        while (url is not null)
        {
            using var response = await client.GetAsync(url);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            ids.UnionWith(page.Ids().Where(id => id.StartsWith(idPrefix, StringComparison.Ordinal)));
            url = response.Link("next");
        }

        return ids;
    }

    public void Dispose()
    {
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Missing (nothing was backed up) or still busy: either way left for the temp-folder sweep.
        }
    }
}
