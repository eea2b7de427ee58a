namespace Talks.Api.Answers.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a first answer is kept for retries with the same key.</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often answers past their retention are forgotten.</summary>
    public int SweepMinutes { get; set; } = 60;
}
