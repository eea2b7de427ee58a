using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Talks.Api.Tests.Operations;

/// <summary>An OTLP/HTTP receiver (protocol http/protobuf) that keeps the body of every POST, by path.</summary>
internal sealed class FakeOtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _serving;

    public FakeOtlpCollector()
    {
        // HttpListener cannot take port 0; a port just freed by the system is as good.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<byte[]> Received(string path) => [.. _received.Where(r => r.Path == path).Select(r => r.Body)];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.HttpMethod == "POST")
            {
                _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            // An empty protobuf message is a full success for every OTLP export.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(10));
    }
}
