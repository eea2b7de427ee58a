using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talks.Api.Keys;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// Starts the real app — migrations, seed and all — on a database of its own (SQLite, or PostgreSQL when the suite runs
/// with <c>TALKS_TEST_POSTGRES</c>), so test classes never see each other's writes.
/// Runs as Production because that is where error bodies must not give internals away.
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> gives an admin-keyed client, so tests about what a
/// request does need not repeat who may send it; the key tests use the other clients.
/// </summary>
public sealed class TalksApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The database this factory made and removes on dispose; null when someone else owns it.</summary>
    private readonly TestDatabase? _owned;

    /// <summary>A fresh database of its own, removed when the factory is disposed.</summary>
    public TalksApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    private TalksApiFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        _owned = new TestDatabase();
        Database = _owned;
        _settings = settings;
        _services = services;
        Start();
    }

    /// <summary>A fresh database, with configuration a deployment would set (e.g. <c>Cors:AllowedOrigins:0</c>).</summary>
    public static TalksApiFactory WithSettings(IReadOnlyDictionary<string, string> settings) => new(settings);

    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    /// <summary>
    /// A fresh database, with services added after the app's own: a fault to inject into the database connection, a
    /// log to read.
    /// </summary>
    public static TalksApiFactory WithServices(Action<IServiceCollection> services) => new(new Dictionary<string, string>(), services);

    private readonly Action<IServiceCollection>? _services;

    /// <summary>
    /// Another start of the app on a database someone else owns — what a restart of the service looks like. The
    /// database is left in place on dispose. Without <paramref name="withKeys"/> the factory adds nothing to the
    /// database, for tests that compare it across starts.
    /// </summary>
    internal TalksApiFactory(TestDatabase database, bool withKeys)
    {
        Database = database;
        _withKeys = withKeys;
        Start();
    }

    /// <summary>A start of the app on a SQLite file someone else made (a backup, say); the file is left in place.</summary>
    internal TalksApiFactory(string sqliteFile, bool withKeys)
    {
        _sqliteFile = sqliteFile;
        _withKeys = withKeys;
        Start();
    }

    private readonly string? _sqliteFile;

    /// <summary>
    /// Starts the host before any test runs. Left to the first request, the start would happen inside the test — and
    /// when a test opens many clients at once, their first requests would all wait on it, starving the thread pool.
    /// </summary>
    private void Start() => _ = Services;

    /// <summary>The database the app runs on (null only for a start on a bare SQLite file).</summary>
    public TestDatabase? Database { get; }


    private readonly bool _withKeys = true;

    /// <summary>One key per role, made as the host starts, since each database has its own key table.</summary>
    private readonly Dictionary<ApiKeyRole, (string Name, string Secret)> _keys = [];

    public string KeyFor(ApiKeyRole role) => Key(role).Secret;

    /// <summary>The name history records as the author of changes made with <paramref name="role"/>'s key.</summary>
    public string KeyNameFor(ApiKeyRole role) => Key(role).Name;

    private (string Name, string Secret) Key(ApiKeyRole role)
    {
        return _keys.TryGetValue(role, out var key)
            ? key
            : throw new InvalidOperationException("This factory was started without keys.");
    }

    /// <summary>
    /// Makes the keys once, while the host starts and nothing else runs: making them on a client's first use would
    /// block thread-pool threads when many clients are created at once.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (_withKeys)
        {
            using var scope = host.Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<KeyStore>();
            foreach (var role in Enum.GetValues<ApiKeyRole>())
            {
                var name = $"test-{KeyRoles.NameOf(role)}-{Guid.NewGuid().ToString("N")[..8]}";
                var created = store.CreateAsync(name, role, CancellationToken.None).GetAwaiter().GetResult()
                    ?? throw new InvalidOperationException($"Could not create the key '{name}'.");
                _keys[role] = (name, created.Secret);
            }
        }

        return host;
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
        var client = base.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_keys.TryGetValue(ApiKeyRole.Admin, out var admin))
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin.Secret);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("Database:Provider", Database?.Provider ?? "Sqlite");
        builder.UseSetting("ConnectionStrings:Talks", Database?.ConnectionString ?? $"Data Source={_sqliteFile}");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // A query that loads several collections must say how (AsSplitQuery, AsSingleQuery): unmarked, EF Core logs a
        // warning on the app's console at its first run. Under test it throws instead, so whichever test first runs
        // such a query fails, naming it.
        builder.ConfigureServices(services => services.ConfigureDbContext<TalksDbContext>(options =>
            options.ConfigureWarnings(warnings => warnings.Throw(RelationalEventId.MultipleCollectionIncludeWarning))));

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
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
        _owned?.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _owned?.Dispose();
        }
    }
}
