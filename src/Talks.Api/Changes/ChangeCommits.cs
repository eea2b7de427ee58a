using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

/// <summary>
/// Tells <see cref="ChangeNumbers"/> and the request's <see cref="ChangeReceipt"/> of the change rows a save recorded,
/// once they are committed: at once for a save that commits itself, or when the caller's transaction commits (and
/// never, if it rolls back). Registered on every <c>TalksDbContext</c> of the app, so a write made by any code in this
/// process — an endpoint, a command, a test working on the app's own context — moves the numbers before anyone can
/// read after it.
/// </summary>
internal sealed class ChangeCommits(ChangeNumbers numbers) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<ChangeRecord>> _saving = new();
    private readonly ConditionalWeakTable<DbTransaction, List<ChangeRecord>> _uncommitted = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _uncommitted.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _uncommitted.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _uncommitted.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _uncommitted.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <summary>The change rows the save is about to insert: their ids are set once it has.</summary>
    private void Saving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<ChangeRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0)
        {
            _saving.AddOrUpdate(context, added);
        }
        else
        {
            _saving.Remove(context);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var saved))
        {
            return;
        }

        _saving.Remove(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _uncommitted.GetOrCreateValue(transaction).AddRange(saved);
        }
        else
        {
            Announce(saved);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_uncommitted.TryGetValue(transaction, out var changes))
        {
            _uncommitted.Remove(transaction);
            Announce(changes);
        }
    }

    private void Announce(List<ChangeRecord> changes)
    {
        numbers.Committed(changes);
        ChangeReceipt.Current?.Saw(changes.Max(c => c.Id));
    }
}
