using Talks.Api.Answers;
using Talks.Api.ApiDocument;
using Talks.Api.Changes;
using Talks.Api.Explorer;
using Talks.Api.Hosting.Limits;
using Talks.Api.Hosting.Security;
using Talks.Api.Hosting.Validation;

namespace Talks.Api.Startup;

/// <summary>The middleware, in the order a request meets it; each line says why it stands where it does.</summary>
public static class TalksMiddleware
{
    public static WebApplication UseTalksMiddleware(this WebApplication app)
    {
        // First, so every answer — errors and refusals included — carries the security headers (and proxies' headers
        // are read before anything looks at the caller's address or scheme).
        app.UseTalksSecurity();

        // Before anything that can throw, so an exception becomes a problem details answer; bodiless errors get one too.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The document, Swagger UI and the explorer page are files or fixed answers: served before routing and keys.
        app.UseTalksOpenApi();
        app.UseTalksExplorer();

        // From here on the endpoint is known, so later steps can ask what it accepts and what it answers.
        app.UseRouting();

        // Before the body is read: a JSON write's body stays re-readable for the fault report, and a NUL in a query
        // or an id is refused before any database sees it.
        app.UseTalksRereadableBodies();
        app.UseTalksTextWithoutNul();

        // A browser's preflight is answered before keys are asked for.
        app.UseCors();

        // The caller is known before the limits count it (by key, else by address) and before authorization.
        app.UseAuthentication();
        app.UseTalksLimits();
        app.UseAuthorization();

        // A read naming a change this instance has not yet seen waits for it here, before any kept answer is chosen;
        // a write's answer gets the number of its change (Changes/ReadYourWrites).
        app.UseTalksReadYourWrites();

        // Last: replay, kept answers and shaping act only on requests allowed through (Answers/AnswerPipeline).
        app.UseTalksAnswers();
        return app;
    }
}
