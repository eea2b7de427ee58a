using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Talks.Data.Entities;

namespace Talks.Data;

/// <summary>
/// Which talk a changed record belongs to (<see cref="ChangeRecord.TalkId"/>): a talk itself, its rounds, and what a
/// round holds (positions, statements, agreements and their events). A record whose talk differs before and after the
/// change (a round moved to another talk, a position to a round of another talk) belongs to neither: it is filed as a
/// shared change, which every talk's cached answers heed. Rounds and agreements are looked up among the tracked
/// entries first, then in the database, once each per save.
/// </summary>
internal sealed class ChangeTalks(TalksDbContext db)
{
    private readonly Dictionary<(string Id, bool Original), string?> _roundTalks = [];
    private readonly Dictionary<(string Id, bool Original), string?> _agreementRounds = [];
    private Dictionary<string, EntityEntry<Round>>? _trackedRounds;
    private Dictionary<string, EntityEntry<Agreement>>? _trackedAgreements;

    public string? Of(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => Of(entry, original: false),
        EntityState.Deleted => Of(entry, original: true),
        _ => Of(entry, original: true) is var before && Of(entry, original: false) is var after && before == after ? after : null,
    };

    private string? Of(EntityEntry entry, bool original)
    {
        string? Value(string property) =>
            (string?)(original ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue);

        return entry.Entity switch
        {
            Talk talk => talk.Id,
            Round => Value(nameof(Round.TalkId)),
            Position => TalkOfRound(Value(nameof(Position.RoundId)), original),
            Statement => TalkOfRound(Value(nameof(Statement.RoundId)), original),
            Agreement => TalkOfRound(Value(nameof(Agreement.RoundId)), original),
            AgreementEvent => TalkOfRound(RoundOfAgreement(Value(nameof(AgreementEvent.AgreementId)), original), original),
            _ => null,
        };
    }

    private string? TalkOfRound(string? roundId, bool original)
    {
        if (roundId is null)
        {
            return null;
        }

        if (_roundTalks.TryGetValue((roundId, original), out var known))
        {
            return known;
        }

        _trackedRounds ??= db.ChangeTracker.Entries<Round>().ToDictionary(e => e.Entity.Id);
        var talk = _trackedRounds.TryGetValue(roundId, out var tracked)
            ? original ? tracked.Property(r => r.TalkId).OriginalValue : tracked.Entity.TalkId
            : db.Rounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.TalkId).FirstOrDefault();
        _roundTalks[(roundId, original)] = talk;
        return talk;
    }

    private string? RoundOfAgreement(string? agreementId, bool original)
    {
        if (agreementId is null)
        {
            return null;
        }

        if (_agreementRounds.TryGetValue((agreementId, original), out var known))
        {
            return known;
        }

        _trackedAgreements ??= db.ChangeTracker.Entries<Agreement>().ToDictionary(e => e.Entity.Id);
        var round = _trackedAgreements.TryGetValue(agreementId, out var tracked)
            ? original ? tracked.Property(a => a.RoundId).OriginalValue : tracked.Entity.RoundId
            : db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => a.RoundId).FirstOrDefault();
        _agreementRounds[(agreementId, original)] = round;
        return round;
    }
}
