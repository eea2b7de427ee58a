using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talks.Api.Hosting.Database;

/// <summary>
/// Whether the database is in the middle of a fault the operator has already been told about. While storage is full
/// or the server is down every write fails alike, and a busy API would log the same line hundreds of times a second;
/// the first refusal of an episode logs, the rest do not. A storage episode ends when a save succeeds (space was
/// freed), an unavailability episode when a connection opens again. Watches EF's saves and opens from inside, so
/// it needs no call from the features.
/// </summary>
internal sealed class DatabaseFaultEpisodes : ISaveChangesInterceptor, IDbConnectionInterceptor
{
    private int _storageFull;
    private int _unavailable;

    /// <summary>Marks storage full; true only for the refusal that starts the episode.</summary>
    public bool BeginStorageFull() => Interlocked.Exchange(ref _storageFull, 1) == 0;

    /// <summary>Marks the database unreachable; true only for the refusal that starts the episode.</summary>
    public bool BeginUnavailable() => Interlocked.Exchange(ref _unavailable, 1) == 0;

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndStorageFull();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EndStorageFull();
        return ValueTask.FromResult(result);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => EndUnavailable();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EndUnavailable();
        return Task.CompletedTask;
    }

    // A read before writing: every save and open passes here, and in the usual case nothing is to be ended.
    private void EndStorageFull()
    {
        if (Volatile.Read(ref _storageFull) != 0)
        {
            Interlocked.Exchange(ref _storageFull, 0);
        }
    }

    private void EndUnavailable()
    {
        if (Volatile.Read(ref _unavailable) != 0)
        {
            Interlocked.Exchange(ref _unavailable, 0);
        }
    }
}
