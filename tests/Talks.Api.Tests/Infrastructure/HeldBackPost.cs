using System.Net;
using System.Text.Json;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// A POST of a new party whose body the client holds back: "Expect: 100-continue" keeps it back until the app starts
/// reading it (<see cref="Requested"/>), and it then stays back until <see cref="Release"/>. While it waits, the
/// request is certainly being handled and nothing of it is written yet.
/// </summary>
public sealed class HeldBackPost : IDisposable
{
    private readonly GatedContent _body;
    private readonly HttpClient _client;
    private readonly HttpRequestMessage _request;

    public HeldBackPost(AppProcess app, string key, string id, string name)
    {
        _body = new GatedContent(JsonSerializer.SerializeToUtf8Bytes(new
        {
            id,
            name,
            kind = "state",
            sourceIds = new[] { "article-istanbul-talks-2025" },
        }));
        _client = app.CreateClient(key.Trim(), new SocketsHttpHandler { Expect100ContinueTimeout = AppProcess.Patience });
        _request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties") { Content = _body };
        _request.Headers.ExpectContinue = true;
        Response = _client.SendAsync(_request);
    }

    /// <summary>The app's answer, once the body has been released and the request handled.</summary>
    public Task<HttpResponseMessage> Response { get; }

    /// <summary>Completes when the app has started reading the body.</summary>
    public Task Requested => _body.Requested;

    public void Release() => _body.Release();

    public void Dispose()
    {
        _request.Dispose();
        _client.Dispose();
    }

    /// <summary>A request body that tells when the client is ready to send it, and waits for leave to do so.</summary>
    private sealed class GatedContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GatedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public Task Requested => _requested.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _requested.TrySetResult();
            await _released.Task;
            await stream.WriteAsync(_bytes);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
