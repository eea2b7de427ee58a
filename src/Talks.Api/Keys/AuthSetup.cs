using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Talks.Data;

namespace Talks.Api.Keys;

public static class AuthSetup
{
    public static WebApplicationBuilder AddTalksAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(KeyRoles.Reader, p => p.RequireAuthenticatedUser())
            .AddPolicy(KeyRoles.Analyst, p => p.RequireRole(KeyRoles.Analyst, KeyRoles.Admin))
            .AddPolicy(KeyRoles.Admin, p => p.RequireRole(KeyRoles.Admin));
        builder.Services.AddScoped<KeyStore>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IChangeActor, CallerActor>();
        return builder;
    }

    /// <summary>
    /// The access rule for the whole API, in one place: creating and updating need an analyst key, deleting an admin
    /// key; reading is open unless <c>Auth:RequireKeyForReads</c> is true. An endpoint that names its own policy keeps it.
    /// </summary>
    public static RouteGroupBuilder RequireKeys(this RouteGroupBuilder api, IConfiguration configuration)
    {
        var keyForReads = configuration.GetValue("Auth:RequireKeyForReads", false);
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any() || endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var policy = methods switch
            {
                _ when methods.Contains(HttpMethods.Delete) => KeyRoles.Admin,
                _ when methods.Any(m => m is "POST" or "PUT" or "PATCH") => KeyRoles.Analyst,
                _ when keyForReads => KeyRoles.Reader,
                _ => null,
            };
            if (policy is not null)
            {
                endpoint.Metadata.Add(new AuthorizeAttribute { Policy = policy });
            }
        });
        return api;
    }

    /// <summary>History names changes by the key that made them.</summary>
    private sealed class CallerActor(IHttpContextAccessor http) : IChangeActor
    {
        public string Name => http.HttpContext?.User.Identity?.Name ?? "system";
    }
}
