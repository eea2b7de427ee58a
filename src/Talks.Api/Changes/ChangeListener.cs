using Npgsql;
using Talks.Api.Hosting.Database;

namespace Talks.Api.Changes;

/// <summary>
/// Keeps one PostgreSQL connection listening for the notification every transaction that records changes sends as it
/// commits (a trigger on the change table, migration <c>ChangeNotifications</c>), and on each reads the new changes
/// into <see cref="PostgresChangeNumbers"/>. While the connection is lost, reads ask the database instead, the
/// readiness check says so (<see cref="ChangeNotificationsCheck"/>), one warning is logged for the episode, and the
/// connection is made again with a growing pause; once it listens again, it reads whatever it missed.
/// </summary>
public sealed class ChangeListener(DatabaseInfo database, PostgresChangeNumbers numbers, ILogger<ChangeListener> logger) : BackgroundService
{
    /// <summary>The channel the trigger notifies; the payload is empty, since the change table says what moved.</summary>
    public const string Channel = "talks_changes";

    /// <summary>How the listening connection names itself in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "talks-change-listener";

    /// <summary>
    /// With no notification for this long, the listener reads the change table anyway: a probe that finds a
    /// silently dead connection (it fails), and any change whose notification never came (it applies it).
    /// </summary>
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    /// <summary>How long the start waits for the first connection before serving without it.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Outage? _outage = new(DateTimeOffset.UtcNow, "not connected yet");

    /// <summary>Since when, and why, notifications do not arrive; null while they do.</summary>
    public Outage? CurrentOutage => _outage;

    /// <summary>Waits (briefly) for the first connection, so an instance is normally listening once it is ready.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(_firstAttempt.Task, Task.Delay(StartPatience, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken, () =>
                {
                    if (warned)
                    {
                        logger.LogInformation(
                            "Change notifications arrive again after {Seconds:F1} s; cached reads answer from memory",
                            (DateTimeOffset.UtcNow - _outage!.Since).TotalSeconds);
                    }

                    warned = false;
                    pause = FirstPause;
                    _outage = null;
                    _firstAttempt.TrySetResult();
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                numbers.Notified = false;
                var reason = ReasonFor(e);
                _outage = _outage is { } ongoing ? ongoing with { Reason = reason } : new Outage(DateTimeOffset.UtcNow, reason);
                _firstAttempt.TrySetResult();
                if (!warned)
                {
                    logger.LogWarning(
                        e, "Change notifications from PostgreSQL stopped ({Reason}); cached reads ask the database until they are back. Reconnecting",
                        reason);
                    warned = true;
                }
                else
                {
                    logger.LogDebug(e, "Change notifications: reconnecting failed ({Reason})", reason);
                }

                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }

        numbers.Notified = false;
    }

    private async Task ListenAsync(CancellationToken ct, Action listening)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // A connection of its own: a pooled one is reset (UNLISTEN) when returned, and would hold a pool slot.
            Pooling = false,
            ApplicationName = ApplicationName,
            CommandTimeout = (int)Probe.TotalSeconds,
        }.ToString();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var heard = 0;
        connection.Notification += (_, _) => Volatile.Write(ref heard, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // Listening first, then reading: a commit after the LISTEN is notified, one before it is in the table.
        await numbers.CatchUpAsync(connection, ct);
        numbers.Notified = true;
        listening();
        while (true)
        {
            // Notifications that came while the table was read are already counted: read again at once.
            if (Interlocked.Exchange(ref heard, 0) == 0)
            {
                await connection.WaitAsync(Probe, ct);
                Volatile.Write(ref heard, 0);
            }

            await numbers.CatchUpAsync(connection, ct);
        }
    }

    /// <summary>What the readiness answer says: never the exception's message, which can name hosts and ports.</summary>
    private static string ReasonFor(Exception e) => e switch
    {
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => "the server ended the listening connection",
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => "the server stopped answering",
        NpgsqlException { InnerException: System.Net.Sockets.SocketException } => "the server cannot be reached",
        NpgsqlException => "the listening connection failed",
        _ => "reading the changes failed",
    };

    /// <summary>Since when notifications have not arrived, and the latest reason.</summary>
    public sealed record Outage(DateTimeOffset Since, string Reason);
}
