using System.Globalization;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// What a client of several instances behind a load balancer keeps to read its own writes: the largest
/// <c>Talks-Change</c> any answer gave it, sent back as <c>Talks-Seen-Change</c> on every read, whichever instance
/// it goes to. Every client made with <see cref="Handler"/> shares it.
/// </summary>
public sealed class ChangeSession
{
    public const string ChangeHeader = "Talks-Change";
    public const string SeenChangeHeader = "Talks-Seen-Change";

    private long _newest;

    /// <summary>The largest change number an answer has named (0 before any).</summary>
    public long Newest => Interlocked.Read(ref _newest);

    /// <summary>A handler for a client of an app process.</summary>
    public HttpMessageHandler Handler() => new ChangeCarrier(this) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>A handler for <c>WebApplicationFactory.CreateDefaultClient</c>, which adds the inner one itself.</summary>
    public DelegatingHandler Carrier() => new ChangeCarrier(this);

    /// <summary>The change number a write's answer names; fails when it names none.</summary>
    public static long ChangeOf(HttpResponseMessage answer)
    {
        Assert.True(
            answer.Headers.TryGetValues(ChangeHeader, out var values),
            $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri} named no {ChangeHeader}.");
        return long.Parse(Assert.Single(values), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private void Saw(long change)
    {
        var known = Interlocked.Read(ref _newest);
        while (change > known && Interlocked.CompareExchange(ref _newest, change, known) != known)
        {
            known = Interlocked.Read(ref _newest);
        }
    }

    private sealed class ChangeCarrier(ChangeSession session) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if ((request.Method == HttpMethod.Get || request.Method == HttpMethod.Head) && session.Newest > 0)
            {
                request.Headers.Remove(SeenChangeHeader);
                request.Headers.Add(SeenChangeHeader, session.Newest.ToString(CultureInfo.InvariantCulture));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues(ChangeHeader, out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var change))
            {
                session.Saw(change);
            }

            return response;
        }
    }
}
