namespace Talks.Data.Entities;

public sealed class Source : Entity
{
    public string Title { get; set; } = "";
    public SourceKind Kind { get; set; }
    public string? Publisher { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Url { get; set; }
    public string? Notes { get; set; }
}

public enum SourceKind
{
    Article,
    OfficialStatement,
    Report,
    PublicRecord,
    Other,
}
