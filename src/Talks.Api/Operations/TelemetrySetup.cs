using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Talks.Api.Operations;

/// <summary>
/// Traces, metrics and logs over OTLP, only when there is somewhere to send them: <c>OpenTelemetry:OtlpEndpoint</c>
/// (with <c>OpenTelemetry:OtlpProtocol</c>, <c>grpc</c> or <c>http/protobuf</c>) or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without either nothing is registered, so no listener costs a request anything.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "talks-api";

    public static WebApplicationBuilder AddTalksTelemetry(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        var standard = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(configured) && string.IsNullOrWhiteSpace(standard))
        {
            return builder;
        }

        var version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddHttpClientInstrumentation()

                // Npgsql reports its own spans and metrics under this name once the PostgreSQL provider is in use;
                // listening by name needs no package.
                .AddSource("Npgsql"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql"));

        if (string.IsNullOrWhiteSpace(configured))
        {
            // The exporter reads OTEL_EXPORTER_OTLP_* (endpoint, protocol, headers, timeout) itself.
            telemetry.UseOtlpExporter();
        }
        else
        {
            telemetry.UseOtlpExporter(ParseProtocol(builder.Configuration), new Uri(configured));
        }

        return builder;
    }

    /// <summary>
    /// Defaults as the exporter does (gRPC, port 4317 by convention); <c>http/protobuf</c> (port 4318) gets the
    /// signal's path (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) appended to the endpoint.
    /// </summary>
    private static OtlpExportProtocol ParseProtocol(IConfiguration configuration)
    {
        var protocol = configuration["OpenTelemetry:OtlpProtocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        return protocol.ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"OpenTelemetry:OtlpProtocol must be grpc or http/protobuf, not '{protocol}'."),
        };
    }
}
