using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talks.Api.Keys;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// Starts the real app — migrations, seed and all — on a SQLite file of its own, so test classes never see each
/// other's writes. Runs as Production because that is where error bodies must not give internals away.
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> gives an admin-keyed client, so tests about what a
/// request does need not repeat who may send it; the key tests use the other clients.
/// </summary>
public sealed class TalksApiFactory : WebApplicationFactory<Program>
{
    private readonly string? _ownedFolder;

    /// <summary>A fresh database in a folder of its own, removed when the factory is disposed.</summary>
    public TalksApiFactory()
    {
        _ownedFolder = Path.Combine(Path.GetTempPath(), "talks-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_ownedFolder);
        DatabasePath = Path.Combine(_ownedFolder, "talks.db");
    }

    /// <summary>
    /// Another start of the app on a database file someone else owns — what a restart of the service looks like.
    /// The file is left in place on dispose.
    /// </summary>
    internal TalksApiFactory(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

    /// <summary>Keys made per factory, since each database has its own key table.</summary>
    private readonly Dictionary<ApiKeyRole, string> _keys = [];
    private readonly SemaphoreSlim _keysLock = new(1, 1);

    public string KeyFor(ApiKeyRole role)
    {
        _keysLock.Wait();
        try
        {
            if (!_keys.TryGetValue(role, out var key))
            {
                using var scope = Services.CreateScope();
                var store = scope.ServiceProvider.GetRequiredService<KeyStore>();
                var name = $"test-{KeyRoles.NameOf(role)}-{Guid.NewGuid().ToString("N")[..8]}";
                var created = store.CreateAsync(name, role, CancellationToken.None).GetAwaiter().GetResult()
                    ?? throw new InvalidOperationException($"Could not create the key '{name}'.");
                key = created.Secret;
                _keys[role] = key;
            }

            return key;
        }
        finally
        {
            _keysLock.Release();
        }
    }

    /// <summary>A client sending <paramref name="role"/>'s key.</summary>
    public HttpClient CreateClient(ApiKeyRole role)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", KeyFor(role));
        return client;
    }

    /// <summary>A client sending no key at all, as a public reader does.</summary>
    public HttpClient CreateAnonymousClient()
    {
        // Making no key at all matters to tests that compare the database across starts.
        _creatingAnonymous = true;
        try
        {
            return base.CreateClient();
        }
        finally
        {
            _creatingAnonymous = false;
        }
    }

    private bool _creatingAnonymous;

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (!_creatingAnonymous)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", KeyFor(ApiKeyRole.Admin));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("ConnectionStrings:Talks", $"Data Source={DatabasePath}");
    }

    /// <summary>Runs <paramref name="work"/> against the app's own DbContext, to check what a request left behind.</summary>
    public async Task<T> InDatabaseAsync<T>(Func<TalksDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TalksDbContext>());
    }

    public async Task InDatabaseAsync(Func<TalksDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TalksDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteOwnedFolder();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteOwnedFolder();
        }
    }

    private void DeleteOwnedFolder()
    {
        if (_ownedFolder is null || !Directory.Exists(_ownedFolder))
        {
            return;
        }

        // Pooled connections hold the file (and its -wal/-shm companions) open until the pool lets go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
        catch (IOException)
        {
            // A connection another test class still holds keeps the file busy; the temp folder is swept eventually.
        }
    }
}
