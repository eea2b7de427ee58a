using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.Operations;

/// <summary>What a collector receives from the app, and what the app costs when there is no collector.</summary>
public sealed class TelemetryTests
{
    [Theory]
    [InlineData("OpenTelemetry:OtlpEndpoint", "OpenTelemetry:OtlpProtocol")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL")]
    public async Task WithAnOtlpEndpointARequestReachesTheCollectorAsATraceAndMetrics(string endpointSetting, string protocolSetting)
    {
        using var collector = new FakeOtlpCollector();
        var factory = TalksApiFactory.WithSettings(new Dictionary<string, string>
        {
            [endpointSetting] = collector.Endpoint.ToString(),
            [protocolSetting] = "http/protobuf",
        });
        await using (factory)
        {
            using var response = await factory.CreateAnonymousClient().GetAsync("/api/v1/parties/ukraine");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // Spans and metrics leave in batches; a flush sends what is pending now instead of at the next interval.
            Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush());
            Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush());
        }

        var traces = collector.Received("/v1/traces");
        Assert.NotEmpty(traces);
        Assert.Contains(traces, body => Encoding.UTF8.GetString(body).Contains("/api/v1/parties/{id}", StringComparison.Ordinal));
        Assert.Contains(traces, body => Encoding.UTF8.GetString(body).Contains("talks-api", StringComparison.Ordinal));
        Assert.Contains(collector.Received("/v1/metrics"), body => Encoding.UTF8.GetString(body).Contains("http.server.request.duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnEndpointNoTelemetryIsCollectedAtAll()
    {
        await using var factory = new TalksApiFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    /// <summary>An OTLP/HTTP receiver (protocol http/protobuf) that keeps the body of every POST, by path.</summary>
    private sealed class FakeOtlpCollector : IDisposable
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
}
