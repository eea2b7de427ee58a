using System.Net;
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
            // The server ends a request's span just after the client has the answer, so under load a first flush can
            // come before it (carrying only the start-up's spans); flush again until the request's span is there or
            // 10 s have passed (the request's metrics are recorded by then too).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush());
                if (collector.Received("/v1/traces").Any(HoldsTheRequest) || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(100);
            }

            Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush());
        }

        var traces = collector.Received("/v1/traces");
        Assert.NotEmpty(traces);
        Assert.Contains(traces, HoldsTheRequest);
        Assert.Contains(traces, body => Encoding.UTF8.GetString(body).Contains("talks-api", StringComparison.Ordinal));
        Assert.Contains(collector.Received("/v1/metrics"),
            body => Encoding.UTF8.GetString(body).Contains("http.server.request.duration", StringComparison.Ordinal));
    }

    private static bool HoldsTheRequest(byte[] traces) => Encoding.UTF8.GetString(traces).Contains("/api/v1/parties/{id}", StringComparison.Ordinal);

    [Fact]
    public async Task TheLastRequestBeforeASigtermStillReachesTheCollector()
    {
        using var database = new TestDatabase();
        using var collector = new FakeOtlpCollector();
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/v1/parties/ukraine");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        app.Terminate();

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Contains(collector.Received("/v1/traces"), body => Encoding.UTF8.GetString(body).Contains("/api/v1/parties/{id}", StringComparison.Ordinal));
        Assert.Contains(collector.Received("/v1/metrics"),
            body => Encoding.UTF8.GetString(body).Contains("http.server.request.duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnEndpointNoTelemetryIsCollectedAtAll()
    {
        await using var factory = new TalksApiFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }
}
