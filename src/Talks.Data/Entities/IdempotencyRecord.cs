namespace Talks.Data.Entities;

/// <summary>The first answer to a POST sent with an Idempotency-Key, kept so a retry gets the same answer.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>Who sent it (API key name, or "anonymous"); keys are scoped per caller.</summary>
    public string Caller { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with a different request is refused.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>False while the first request is still running.</summary>
    public bool Completed { get; set; }

    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Body { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
