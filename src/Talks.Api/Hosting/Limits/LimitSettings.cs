namespace Talks.Api.Hosting.Limits;

/// <summary>The limits, read once at start-up.</summary>
public sealed record LimitSettings(
    bool RateLimitsEnabled, int PermitsPerKey, int PermitsPerAddress, TimeSpan Window, long MaxRequestBodyBytes, TimeSpan RequestTimeout)
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static LimitSettings From(IConfiguration configuration)
    {
        var settings = new LimitSettings(
            configuration.GetValue("RateLimits:Enabled", true),
            configuration.GetValue("RateLimits:PerKey:PermitLimit", 20_000),
            configuration.GetValue("RateLimits:PerAddress:PermitLimit", 20_000),
            TimeSpan.FromSeconds(configuration.GetValue("RateLimits:WindowSeconds", 10.0)),
            configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes),
            TimeSpan.FromSeconds(configuration.GetValue("Limits:RequestTimeoutSeconds", 30.0)));
        if (settings.PermitsPerKey < 1 || settings.PermitsPerAddress < 1 || settings.Window <= TimeSpan.Zero
            || settings.MaxRequestBodyBytes < 1 || settings.RequestTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("RateLimits:* and Limits:* must be positive.");
        }

        return settings;
    }
}
