using Microsoft.Extensions.FileProviders;
using Talks.Api.Hosting.Security;

namespace Talks.Api.Explorer;

/// <summary>
/// The explorer: a read-only page at <c>/</c>, static files from <c>wwwroot</c> that read the API from the same origin.
/// <c>Explorer:Enabled</c> (default true) turns it off; <c>/</c> then answers 404 as it did before the page existed.
/// </summary>
public static class ExplorerSetup
{
    /// <summary>
    /// The page needs its own scripts, styles and API calls, nothing else: no inline code, no other origin, never framed.
    /// </summary>
    internal const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication UseTalksExplorer(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Explorer:Enabled", true))
        {
            return app;
        }

        var files = PageFiles(app.Environment);
        // Not on the API's paths: both middlewares look for a file (a stat call each) on every request they see, a
        // twentieth of a cached read's CPU, for paths where no page file can be.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), page =>
        {
            page.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            page.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = served =>
                {
                    ContentSecurity.UsePolicy(served.Context, PagePolicy);
                    // Revalidate with the ETag on every load, so a new release reaches readers at once.
                    served.Context.Response.Headers.CacheControl = "no-cache";
                },
            });
        });
        return app;
    }

    /// <summary>
    /// wwwroot under the content root (dotnet run, the tests), else beside the app: a published app is often started
    /// from another folder, as the ephemeral mode and the front-end checks do.
    /// </summary>
    private static IFileProvider PageFiles(IWebHostEnvironment environment)
    {
        foreach (var folder in new[] { environment.WebRootPath, Path.Combine(AppContext.BaseDirectory, "wwwroot") })
        {
            if (!string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, "index.html")))
            {
                return new PhysicalFileProvider(folder);
            }
        }

        return new NullFileProvider();
    }
}
