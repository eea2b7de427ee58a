using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;

namespace Talks.Data;

/// <summary>
/// Pooled: the API rents a context per request instead of building one (~4 % of a write's CPU went into building
/// them), so the constructor takes the options alone and whoever rents one sets <see cref="Actor"/>.
/// </summary>
public sealed class TalksDbContext(DbContextOptions<TalksDbContext> options) : DbContext(options)
{
    /// <summary>Who the changes saved are recorded against; set on every rent.</summary>
    public IChangeActor? Actor { get; set; }

    /// <summary>Names the author of the changes when no caller does (the seeder says "seed").</summary>
    public string? ActorOverride { get; set; }

    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonOffice> PersonOffices => Set<PersonOffice>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PartyName> PartyNames => Set<PartyName>();
    public DbSet<PartyMember> PartyMembers => Set<PartyMember>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundParticipant> RoundParticipants => Set<RoundParticipant>();
    public DbSet<RoundDelegate> RoundDelegates => Set<RoundDelegate>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<AgreementRenewal> AgreementRenewals => Set<AgreementRenewal>();
    public DbSet<AgreementEvent> AgreementEvents => Set<AgreementEvent>();
    public DbSet<SeedMark> SeedMarks => Set<SeedMark>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<ReleasePart> ReleaseParts => Set<ReleasePart>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TalksDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and identical across providers.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Every DateTime is UTC; reading it back as such lets the API write it with its "Z" offset.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var recordsChanges = StampChanges();
        if (WritesQueueInProcess)
        {
            var queue = SqliteWriteQueue.For(Database.GetConnectionString()!);
            queue.Wait();
            try
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }
            finally
            {
                queue.Release();
            }
        }

        if (!recordsChanges || !OrdersCommitsExplicitly)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        Database.ExecuteSqlRaw(ChangeOrderLockSql);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var recordsChanges = StampChanges();
        if (WritesQueueInProcess)
        {
            var queue = SqliteWriteQueue.For(Database.GetConnectionString()!);
            await queue.WaitAsync(cancellationToken);
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                queue.Release();
            }
        }

        if (!recordsChanges || !OrdersCommitsExplicitly)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await Database.ExecuteSqlRawAsync(ChangeOrderLockSql, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// A save on SQLite that begins its own transaction waits its turn in <see cref="SqliteWriteQueue"/>. One inside a
    /// transaction the caller began already holds SQLite's write lock (transactions begin IMMEDIATE), so it must not
    /// queue behind writers that are waiting for that lock.
    /// </summary>
    private bool WritesQueueInProcess =>
        Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" && Database.CurrentTransaction is null;

    /// <summary>
    /// The change feed hands out changes by ascending id, and a reader that has seen id N never looks below it again.
    /// SQLite runs one writer at a time, so ids are committed in order. PostgreSQL commits concurrent transactions in
    /// any order — id 11 could become visible before id 10, and a reader would skip 10 for ever — so there every
    /// transaction that records changes takes one lock, held until it commits: ids are then issued in commit order.
    /// </summary>
    private bool OrdersCommitsExplicitly => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A transaction-scoped advisory lock; the key is any number no other application on the server uses.</summary>
    private const string ChangeOrderLockSql = "SELECT pg_advisory_xact_lock(6085543953373245541)";

    /// <summary>
    /// Sets created/updated times, moves the version on (so every update yields a new ETag) and records the change in
    /// history, all inside the save's own transaction.
    /// </summary>
    /// <returns>Whether the save records any change.</returns>
    private bool StampChanges()
    {
        ChangeTracker.DetectChanges();
        // Microseconds: what PostgreSQL keeps, so the record a write answers with equals the one read back later.
        var utcNow = DateTime.UtcNow;
        var now = utcNow.AddTicks(-(utcNow.Ticks % 10));
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    // The seeder sets creation times itself, to keep the order of the seed files.
                    if (entry.Entity.CreatedAt == default)
                    {
                        entry.Entity.CreatedAt = now;
                    }

                    entry.Entity.UpdatedAt = entry.Entity.CreatedAt;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
            }
        }

        var changes = ChangeCapture.Capture(ChangeTracker, new ChangeTalks(this), ActorOverride ?? Actor?.Name ?? "system", now).ToList();
        Changes.AddRange(changes);
        return changes.Count > 0;
    }
}

/// <summary>Public because the compiled models in the migrations assemblies construct it.</summary>
public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
