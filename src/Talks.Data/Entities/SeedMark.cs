namespace Talks.Data.Entities;

/// <summary>
/// Remembers each seed record once inserted, so a record an analyst has since deleted is not brought back on the
/// next start.
/// </summary>
public sealed class SeedMark
{
    public string Collection { get; set; } = "";
    public string Id { get; set; } = "";
    public DateTime AppliedAt { get; set; }
}
