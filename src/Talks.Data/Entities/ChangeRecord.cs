namespace Talks.Data.Entities;

/// <summary>
/// One change to one record: who, when, and each field's value before and after. Written in the same transaction as
/// the change itself, so history and the change feed never miss or invent a write.
/// </summary>
public sealed class ChangeRecord
{
    /// <summary>The collection and id of a change that concerns every record (a reset).</summary>
    public const string Everything = "*";

    /// <summary>Ascending in commit order; the change feed's cursor.</summary>
    public long Id { get; set; }

    /// <summary>The API collection, e.g. "rounds".</summary>
    public string Collection { get; set; } = "";

    public string RecordId { get; set; } = "";

    /// <summary>
    /// The talk the changed record belongs to (a talk, its rounds and all they hold), or null for a change to a shared
    /// record (a party, person, source or topic), to a statement outside any round, for a record moved from one talk
    /// to another, and for a reset. The read cache keeps a talk's answers until a change of that talk or a shared one.
    /// </summary>
    public string? TalkId { get; set; }
    public ChangeKind Kind { get; set; }

    /// <summary>The record's version after the change; null for a deletion.</summary>
    public long? Version { get; set; }

    /// <summary>The name of the API key that made the change, or "seed" / "system".</summary>
    public string Actor { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>JSON object: field → { "from": …, "to": … }.</summary>
    public string Changes { get; set; } = "{}";
}

public enum ChangeKind
{
    Created,
    Updated,
    Deleted,

    /// <summary>
    /// Everything was deleted and the seed loaded again (<c>POST /api/v1/testing/reset</c>): filed under
    /// <see cref="ChangeRecord.Everything"/> as both collection and id, since every record may have changed.
    /// </summary>
    Reset,
}
