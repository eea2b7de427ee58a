using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Database;
using Talks.Api.Keys;
using Talks.Data;
using Talks.Data.Entities;
using Talks.Data.Seeding;

namespace Talks.Api.TestRuns;

/// <summary>
/// <c>POST /api/v1/testing/reset</c>, mapped only when <c>Testing:EnableReset</c> is true: back to the seeded state
/// between end-to-end tests. API keys survive, so the suite's key keeps working; the change feed's sequence keeps
/// growing, so streaming clients never see a number twice. The deletion, the seed and one change of kind
/// <c>reset</c> commit together, so a page following the feed or the stream hears of it, reloads, and finds the seed.
/// </summary>
public static class ResetEndpoints
{
    public static IEndpointRouteBuilder MapResetEndpoints(this IEndpointRouteBuilder api, IConfiguration configuration)
    {
        if (configuration.GetValue("Testing:EnableReset", false))
        {
            api.MapPost("/testing/reset", ResetAsync).WithTags("Testing").WithName("ResetToSeed")
                .WithSummary("Delete everything but API keys and load the seed again (only when Testing:EnableReset is true).")
                .RequireAuthorization(KeyRoles.Admin);
        }

        return api;
    }

    private static async Task<Ok<ResetResponse>> ResetAsync(TalksDbContext db, IConfiguration configuration, IChangeActor actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AgreementEvents.ExecuteDeleteAsync(ct);
        await db.Obligations.ExecuteDeleteAsync(ct);
        await db.AgreementRenewals.ExecuteDeleteAsync(ct);
        await db.Agreements.ExecuteDeleteAsync(ct);
        await db.Statements.ExecuteDeleteAsync(ct);

        // Positions answer one another; SQLite checks that reference row by row, so unlink them first.
        await db.Positions.ExecuteUpdateAsync(s => s.SetProperty(p => p.AnswersId, (string?)null), ct);
        await db.Positions.ExecuteDeleteAsync(ct);
        await db.RoundDelegates.ExecuteDeleteAsync(ct);
        await db.RoundParticipants.ExecuteDeleteAsync(ct);
        await db.Rounds.ExecuteDeleteAsync(ct);
        await db.Talks.ExecuteDeleteAsync(ct);
        await db.People.ExecuteDeleteAsync(ct);
        await db.Parties.ExecuteDeleteAsync(ct);
        await db.Sources.ExecuteDeleteAsync(ct);

        // Topics point at broader and replacing topics; unlinked first, for the same reason as positions.
        await db.Topics.ExecuteUpdateAsync(s => s.SetProperty(t => t.ParentId, (string?)null).SetProperty(t => t.ReplacedById, (string?)null), ct);
        await db.Topics.ExecuteDeleteAsync(ct);
        await db.ReleaseParts.ExecuteDeleteAsync(ct);
        await db.Releases.ExecuteDeleteAsync(ct);
        await db.SeedMarks.ExecuteDeleteAsync(ct);
        await db.Changes.ExecuteDeleteAsync(ct);
        await db.IdempotencyRecords.ExecuteDeleteAsync(ct);

        var inserted = await TalksSeeder.SeedAsync(db, SeedLocation.Folder(configuration), ct);

        // Last in the feed, so a client that reloads on it reads the seed, not the empty database before it.
        db.ActorOverride = null;
        db.Changes.Add(new ChangeRecord
        {
            Collection = ChangeRecord.Everything,
            RecordId = ChangeRecord.Everything,
            Kind = ChangeKind.Reset,
            Actor = actor.Name,
            At = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new ResetResponse(inserted));
    }
}

/// <summary>How many seed records were loaded again.</summary>
public sealed record ResetResponse(int SeedRecords);
