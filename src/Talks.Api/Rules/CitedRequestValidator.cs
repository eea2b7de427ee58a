using Talks.Data;
using Talks.Api.Records;

namespace Talks.Api.Rules;

/// <summary>The rules every cited record shares: a well-formed id, and sources that exist.</summary>
public abstract class CitedRequestValidator<T> : RequestValidator<T> where T : ICitedRequest
{
    protected CitedRequestValidator(TalksDbContext db)
    {
        RuleFor(r => r.SourceIds).Cites(db);
    }
}
