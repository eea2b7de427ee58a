namespace Talks.Data.Entities;

/// <summary>What every stored record has: a stable slug id, and a version the API turns into an ETag.</summary>
public abstract class Entity
{
    public string Id { get; set; } = "";

    /// <summary>Incremented on every update; SQLite has no server-side row version, so the application keeps it.</summary>
    public long Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A record that rests on one or more sources.</summary>
public abstract class CitedEntity : Entity
{
    public List<string> SourceIds { get; set; } = [];
}
