namespace Talks.Data.Entities;

/// <summary>A write credential. Only a hash of the key is stored; the key itself is shown once, when created.</summary>
public sealed class ApiKey
{
    /// <summary>A unique kebab-case name; what history records as the author of a change.</summary>
    public string Name { get; set; } = "";

    public ApiKeyRole Role { get; set; }

    /// <summary>SHA-256 of the key, hex. Keys are 256 random bits, so a plain hash is enough (no guessing to slow down).</summary>
    public string Hash { get; set; } = "";

    /// <summary>The first characters of the key, to recognise it in a list without revealing it.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public enum ApiKeyRole
{
    /// <summary>Creates and updates records.</summary>
    Analyst,

    /// <summary>Also deletes records and manages keys.</summary>
    Admin,
}
