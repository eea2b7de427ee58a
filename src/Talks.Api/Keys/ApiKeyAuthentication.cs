using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talks.Data;
using Talks.Data.Entities;

namespace Talks.Api.Keys;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the stored key hashes. The handler is made for every
/// request, most of which carry no key, so it asks for a <see cref="TalksDbContext"/> only when there is a key to look
/// up: a context built for nothing was a seventh of the CPU of a cached read.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Last-used times are kept to the minute, so reads with a key do not each cost a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Compiled once: every write and keyed read runs it, and EF's per-call query lookup cost more than the lookup.</summary>
    private static readonly Func<TalksDbContext, string, CancellationToken, Task<ApiKey?>> KeyByHash =
        EF.CompileAsyncQuery((TalksDbContext db, string hash, CancellationToken ct) => db.ApiKeys.AsNoTracking().FirstOrDefault(k => k.Hash == hash));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 200)
        {
            return AuthenticateResult.Fail("Send the key as 'Authorization: Bearer <key>'.");
        }

        var hash = KeyStore.HashOf(header["Bearer ".Length..].Trim());
        var db = Context.RequestServices.GetRequiredService<TalksDbContext>();
        var key = await KeyByHash(db, hash, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The key is unknown or revoked.");
        }

        var now = DateTime.UtcNow;
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Name == key.Name).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, KeyRoles.NameOf(key.Role))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer realm=\"talks\"" : "Bearer realm=\"talks\", error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required.",
                Detail = failure?.Message ?? "Send 'Authorization: Bearer <key>'. An admin creates keys with 'keys create'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Your key's role does not allow this.",
                Detail = "Creating and updating needs an analyst or admin key; deleting and managing keys need an admin key.",
            },
        });
    }
}
