using Microsoft.EntityFrameworkCore;
using Talks.Data.Entities;

namespace Talks.Data;

public sealed class TalksDbContext(DbContextOptions<TalksDbContext> options, IChangeActor? actor = null) : DbContext(options)
{
    /// <summary>Names the author of the changes when no caller does (the seeder says "seed").</summary>
    public string? ActorOverride { get; set; }

    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundParticipant> RoundParticipants => Set<RoundParticipant>();
    public DbSet<RoundDelegate> RoundDelegates => Set<RoundDelegate>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<AgreementEvent> AgreementEvents => Set<AgreementEvent>();
    public DbSet<SeedMark> SeedMarks => Set<SeedMark>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

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
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Sets created/updated times, moves the version on (so every update yields a new ETag) and records the change in
    /// history, all inside the save's own transaction.
    /// </summary>
    private void StampChanges()
    {
        ChangeTracker.DetectChanges();
        var now = DateTime.UtcNow;
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

        Changes.AddRange(ChangeCapture.Capture(ChangeTracker, ActorOverride ?? actor?.Name ?? "system", now));
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
