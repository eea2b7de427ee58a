using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Talks.Data.Entities;

namespace Talks.Data;

/// <summary>
/// Turns what the change tracker is about to save into history rows: one per record, with each changed field's
/// before and after. Rows that belong to a record (a round's participants, an agreement's obligations) are reported
/// as a change to that record's list.
/// </summary>
public static class ChangeCapture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly HashSet<string> Bookkeeping = [nameof(Entity.Version), nameof(Entity.CreatedAt), nameof(Entity.UpdatedAt)];

    public static readonly IReadOnlyDictionary<Type, string> Collections = new Dictionary<Type, string>
    {
        [typeof(Talk)] = "talks",
        [typeof(Round)] = "rounds",
        [typeof(Party)] = "parties",
        [typeof(Person)] = "people",
        [typeof(Position)] = "positions",
        [typeof(Statement)] = "statements",
        [typeof(Agreement)] = "agreements",
        [typeof(AgreementEvent)] = "agreement-events",
        [typeof(Source)] = "sources",
        [typeof(Topic)] = "topics",
        [typeof(Release)] = "releases",
    };

    internal static List<ChangeRecord> Capture(ChangeTracker tracker, ChangeTalks talks, string actor, DateTime at)
    {
        var records = new Dictionary<(string, string), (ChangeRecord Record, JsonObject Fields, EntityEntry Entry)>();
        foreach (var entry in tracker.Entries<Entity>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !Collections.TryGetValue(entry.Entity.GetType(), out var collection))
            {
                continue;
            }

            var fields = new JsonObject();
            foreach (var property in entry.Properties.Where(p => !Bookkeeping.Contains(p.Metadata.Name)))
            {
                var before = entry.State == EntityState.Added ? null : property.OriginalValue;
                var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                if (entry.State == EntityState.Modified && JsonSerializer.Serialize(before, Json) == JsonSerializer.Serialize(after, Json))
                {
                    continue;
                }

                fields[Camel(property.Metadata.Name)] = Change(before, after);
            }

            var kind = entry.State switch
            {
                EntityState.Added => ChangeKind.Created,
                EntityState.Deleted => ChangeKind.Deleted,
                _ => ChangeKind.Updated,
            };
            var record = new ChangeRecord
            {
                Collection = collection,
                RecordId = entry.Entity.Id,
                TalkId = talks.Of(entry),
                Kind = kind,
                Version = kind == ChangeKind.Deleted ? null : entry.Entity.Version,
                Actor = actor,
                At = at,
            };
            records[(collection, entry.Entity.Id)] = (record, fields, entry);
        }

        AddChildren<RoundParticipant>(tracker, records, "rounds", "participants", p => p.RoundId);
        AddChildren<RoundDelegate>(tracker, records, "rounds", "delegates", d => d.RoundId);
        AddChildren<Obligation>(tracker, records, "agreements", "obligations", o => o.AgreementId);
        AddChildren<AgreementRenewal>(tracker, records, "agreements", "renewals", r => r.AgreementId);
        AddChildren<PersonOffice>(tracker, records, "people", "offices", o => o.PersonId);
        AddChildren<PersonName>(tracker, records, "people", "otherNames", n => n.PersonId);
        AddChildren<PartyName>(tracker, records, "parties", "otherNames", n => n.PartyId);
        AddChildren<PartyMember>(tracker, records, "parties", "members", m => m.GroupId);

        return records.Values
            .Where(r => r.Record.Kind != ChangeKind.Updated || r.Fields.Count > 0)
            .Select(r =>
            {
                r.Record.Changes = r.Fields.ToJsonString();
                return r.Record;
            })
            .ToList();
    }

    /// <summary>Reports a changed child list on its parent as the list before and after.</summary>
    private static void AddChildren<T>(
        ChangeTracker tracker,
        Dictionary<(string, string), (ChangeRecord Record, JsonObject Fields, EntityEntry Entry)> records,
        string collection, string field, Func<T, string> parentOf)
        where T : class
    {
        var entries = tracker.Entries<T>().ToList();
        foreach (var group in entries.GroupBy(e => parentOf(e.Entity)))
        {
            if (group.All(e => e.State == EntityState.Unchanged) || !records.TryGetValue((collection, group.Key), out var parent)
                || parent.Record.Kind == ChangeKind.Deleted)
            {
                continue;
            }

            var before = new JsonArray();
            var after = new JsonArray();
            foreach (var entry in group)
            {
                if (entry.State != EntityState.Added)
                {
                    before.Add(Row(entry, original: true));
                }

                if (entry.State != EntityState.Deleted)
                {
                    after.Add(Row(entry, original: false));
                }
            }

            parent.Fields[field] = new JsonObject { ["from"] = parent.Record.Kind == ChangeKind.Created ? null : before, ["to"] = after };
        }
    }

    private static JsonObject Row(EntityEntry entry, bool original)
    {
        var row = new JsonObject();
        foreach (var property in entry.Properties)
        {
            // The parent's id is the record the change is filed under; repeating it in each row says nothing.
            if (property.Metadata.Name is nameof(RoundParticipant.RoundId) or nameof(Obligation.AgreementId) or nameof(PersonOffice.PersonId))
            {
                continue;
            }

            row[Camel(property.Metadata.Name)] = JsonSerializer.SerializeToNode(original ? property.OriginalValue : property.CurrentValue, Json);
        }

        return row;
    }

    private static JsonObject Change(object? before, object? after) => new()
    {
        ["from"] = JsonSerializer.SerializeToNode(before, Json),
        ["to"] = JsonSerializer.SerializeToNode(after, Json),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
