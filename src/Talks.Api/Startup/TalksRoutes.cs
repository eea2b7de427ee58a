using Talks.Api.Agreements;
using Talks.Api.Answers.Caching;
using Talks.Api.Backups;
using Talks.Api.Changes;
using Talks.Api.Hosting.Health;
using Talks.Api.Keys;
using Talks.Api.Parties;
using Talks.Api.People;
using Talks.Api.Positions;
using Talks.Api.Releases;
using Talks.Api.Rounds;
using Talks.Api.Search;
using Talks.Api.Sources;
using Talks.Api.Statements;
using Talks.Api.TalkTracks;
using Talks.Api.TestRuns;
using Talks.Api.Topics;

namespace Talks.Api.Startup;

/// <summary>The route table: every group the API answers, each mapped by the folder that owns it.</summary>
public static class TalksRoutes
{
    public static WebApplication MapTalksRoutes(this WebApplication app)
    {
        app.MapTalksHealth();

        var api = app.MapGroup("/api/v1").RequireKeys(app.Configuration);

        // The records and what is read from them: their reads are kept by the read cache.
        var records = api.MapGroup("").CachesReads();
        records.MapTalkEndpoints();
        records.MapRoundEndpoints();
        records.MapPartyEndpoints();
        records.MapPersonEndpoints();
        records.MapPositionEndpoints();
        records.MapStatementEndpoints();
        records.MapAgreementEndpoints();
        records.MapSourceEndpoints();
        records.MapTopicEndpoints();
        records.MapObligationEndpoints();
        records.MapSearchEndpoints();
        records.MapReleaseEndpoints();

        // The change feed and stream, keys, the test-run reset and backups: never cached.
        api.MapChangeEndpoints();
        api.MapKeyEndpoints();
        api.MapResetEndpoints(app.Configuration);
        api.MapBackupEndpoints();
        return app;
    }
}
