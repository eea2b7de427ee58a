using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>Every line the app logs in-process, for tests about what an operator is told and how often.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. _lines];

    /// <summary>The lines at <paramref name="level"/> or above whose message contains <paramref name="text"/>.</summary>
    public int Count(string text, LogLevel level = LogLevel.Warning) =>
        _lines.Count(line => line.Level >= level && line.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
