using System.Text.Json;
using Talks.Data.Entities;

namespace Talks.Api.Changes;

/// <summary>One change to one record. <c>seq</c> grows with every change and is what the feed pages on.</summary>
public sealed record ChangeResponse(
    long Seq,
    string Collection,
    string RecordId,
    ChangeKind Kind,
    long? Version,
    string Actor,
    DateTime At,
    IReadOnlyDictionary<string, FieldChange> Changes)
{
    public static ChangeResponse From(ChangeRecord c) => new(
        c.Id, c.Collection, c.RecordId, c.Kind, c.Version, c.Actor, c.At,
        JsonSerializer.Deserialize<Dictionary<string, FieldChange>>(c.Changes, Options) ?? []);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>A field's value before and after; null where there was none (on creation, on deletion).</summary>
public sealed record FieldChange(JsonElement? From, JsonElement? To);

/// <summary>Paging for a record's history (newest first).</summary>
public sealed record HistoryQuery(int? Limit, string? Cursor);

/// <summary>
/// The change feed, oldest first from <c>cursor</c>. Its <c>nextCursor</c> is never null: poll with it to get what
/// happened since. <c>collection</c> narrows it to one collection. <c>sinceRelease</c> (a release's version, e.g.
/// 2025.1) starts after the last change that release holds, so a client with a release catches up from there.
/// <c>fromNow=true</c> starts after the newest change: the page is empty and its <c>nextCursor</c> is where a client
/// that wants only what comes next polls from, without paging through the history first.
/// </summary>
public sealed record ChangeFeedQuery(int? Limit, string? Cursor, string? Collection, string? SinceRelease, bool? FromNow);
