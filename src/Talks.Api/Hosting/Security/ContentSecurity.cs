namespace Talks.Api.Hosting.Security;

/// <summary>
/// Lets a feature that serves something other than JSON (a page, a document viewer) choose the
/// Content-Security-Policy its answer carries, instead of the API's own, without the security headers knowing the feature.
/// </summary>
public static class ContentSecurity
{
    private static readonly object PolicyKey = new();

    /// <summary>The policy this answer carries; the security headers write it when the response starts.</summary>
    public static void UsePolicy(HttpContext context, string policy) => context.Items[PolicyKey] = policy;

    internal static string? ChosenPolicy(HttpContext context) =>
        context.Items.TryGetValue(PolicyKey, out var policy) ? policy as string : null;
}
