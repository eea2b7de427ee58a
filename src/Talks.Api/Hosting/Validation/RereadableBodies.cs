using Microsoft.AspNetCore.Http.Metadata;

namespace Talks.Api.Hosting.Validation;

/// <summary>
/// Bodies of JSON writes are kept re-readable, so a body the deserializer refuses can be walked again for every fault
/// (<see cref="BodyFaults"/>). In memory up to 30 KB, then a temporary file; the body size limit still applies.
/// </summary>
public static class RereadableBodies
{
    public static WebApplication UseTalksRereadableBodies(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Request.HasJsonContentType() && http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
            {
                http.Request.EnableBuffering();
            }

            return next(http);
        });
        return app;
    }
}
