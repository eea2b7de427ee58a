using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Talks.Api.Hosting.Security;

/// <summary>
/// Response headers that keep browsers from misusing the API's answers, and the switches for running behind a proxy:
/// <c>ForwardedHeaders:Enabled</c> (trust X-Forwarded-For/-Proto from <c>ForwardedHeaders:KnownProxies</c>, loopback
/// by default) and <c>Https:Redirect</c> (redirect to HTTPS and send HSTS; leave off behind a TLS-terminating proxy).
/// </summary>
public static class SecuritySetup
{
    /// <summary>JSON needs nothing from a browser: no scripts, no styles, never framed.</summary>
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Swagger UI loads its own scripts, styles and images from this origin and styles some elements inline.</summary>
    private const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddTalksSecurity(this WebApplicationBuilder builder)
    {
        // The Server header only tells an attacker what to look up.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        if (builder.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in (builder.Configuration["ForwardedHeaders:KnownProxies"] ?? "")
                    .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            });
        }

        if (builder.Configuration.GetValue("Https:Redirect", false))
        {
            builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        }

        return builder;
    }

    /// <summary>First in the pipeline, so every answer — errors and rejections included — carries the headers.</summary>
    public static WebApplication UseTalksSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }

        app.Use(async (context, next) =>
        {
            var isSwaggerUi = context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = ContentSecurity.ChosenPolicy(context) ?? (isSwaggerUi ? SwaggerUiPolicy : ApiPolicy);
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            await next(context);
        });

        if (app.Configuration.GetValue("Https:Redirect", false))
        {
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
        }

        return app;
    }
}
