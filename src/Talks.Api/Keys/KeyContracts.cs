using Talks.Data.Entities;

namespace Talks.Api.Keys;

public sealed record KeyRequest
{
    /// <summary>A unique kebab-case name, e.g. "analyst-kyiv-desk"; history shows it as the author of changes.</summary>
    public required string Name { get; init; }

    public required ApiKeyRole Role { get; init; }
}

public sealed record KeyResponse(string Name, ApiKeyRole Role, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static KeyResponse From(ApiKey key) => new(key.Name, key.Role, key.Prefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>The only response that carries the key itself: store it now, it cannot be shown again.</summary>
public sealed record CreatedKeyResponse(string Name, ApiKeyRole Role, string Key, DateTime CreatedAt);
