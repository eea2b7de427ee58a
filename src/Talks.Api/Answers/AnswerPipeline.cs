using Talks.Api.Answers.Caching;
using Talks.Api.Answers.Embedding;
using Talks.Api.Answers.Formats;
using Talks.Api.Answers.Idempotency;
using Talks.Api.Answers.Shaping;

namespace Talks.Api.Answers;

/// <summary>
/// The path from a handler's result to the bytes a client receives, written down once. After authorization, outermost
/// first:
/// <list type="number">
/// <item>Replay (<c>Answers/Idempotency</c>): a POST retried with the same <c>Idempotency-Key</c> gets the answer kept
/// from its first run, and nothing below runs again. Outermost, so what it keeps is the finished answer.</item>
/// <item>Kept answers (<c>Answers/Caching</c>): a GET asked before at the same change numbers is answered from memory.
/// Outside the shaping, so a kept answer already has its fields selected and its ETag, and still gets its 304.</item>
/// <item>Shaping (<c>Answers/Shaping</c>): for reads, <c>include=</c> (<c>Answers/Embedding</c>), CSV for lists
/// (<c>Answers/Formats</c>), <c>fields=</c> (<c>Answers/Fields</c>), the ETag and the 304 (<c>Answers/ETags</c>); for
/// writes, the ETag a read of the record would carry. <see cref="AnswerShaping"/> lists the order of its steps.</item>
/// <item>The handler, whose <c>Results&lt;…&gt;</c> is the body the steps above start from.</item>
/// </list>
/// The OpenAPI descriptions of the steps are registered here in the same order, each kept beside its step.
/// </summary>
public static class AnswerPipeline
{
    public static WebApplicationBuilder AddTalksAnswers(this WebApplicationBuilder builder)
    {
        builder.AddTalksIdempotency();
        builder.AddTalksReadCache();
        builder.Services.ConfigureSwaggerGen(o =>
        {
            o.OperationFilter<AnswerShapingDocs>();
            o.OperationFilter<EmbedDocs>();
            o.OperationFilter<AlternateAnswerDocs>();
            o.OperationFilter<IdempotencyDocs>();
        });
        return builder;
    }

    /// <summary>Goes right after <c>UseAuthorization</c>: a request refused there is never replayed, kept or shaped.</summary>
    public static WebApplication UseTalksAnswers(this WebApplication app)
    {
        app.UseIdempotency();
        app.UseTalksReadCache();
        app.UseMiddleware<AnswerShaping>();
        return app;
    }
}
