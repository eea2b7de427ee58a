using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>
/// The API as an operator runs it: <c>dotnet Talks.Api.dll</c> in a process of its own, in Production, on a database
/// the test owns (on the suite's provider) — for what only a real process shows: what it writes to stdout and stderr
/// apart, how it answers a signal, its exit code, its commands. <c>TalksApiFactory</c> is the lighter helper for
/// tests that only need instances to talk to. The build copies the app beside the tests: this is the build tested.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>Generous bounds for a shared, busy machine; a test that meets them has failed, not been slow.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string AppPath => Path.Combine(AppContext.BaseDirectory, "Talks.Api.dll");

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watchers = [];
    private readonly Lock _gate = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; private set; }

    public int Id => _process.Id;

    /// <summary>Everything written to standard output so far, one entry a line.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    public IReadOnlyList<string> ErrorLines => [.. _errors];

    /// <summary>Runs a command of the app's (<c>keys create …</c>) to its end.</summary>
    public static async Task<(int Code, string Output, string Errors)> RunCommandAsync(
        TestDatabase database, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(database, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Starts <c>--ephemeral</c> (a throwaway database of its own, a port of its choosing) and returns once it has
    /// announced its URL and admin key on standard output.
    /// </summary>
    public static async Task<(AppProcess App, string Key)> StartEphemeralAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = new Process { StartInfo = StartInfo(null, environment, "--ephemeral", "--urls", "http://127.0.0.1:0") };
        var app = new AppProcess(process, new Uri("http://127.0.0.1"));
        process.OutputDataReceived += (_, e) => app.Received(e.Data, app._output);
        process.ErrorDataReceived += (_, e) => app.Received(e.Data, app._errors);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            const string listening = "Talks (ephemeral) listening on ";
            const string admin = "Admin key: ";
            var address = await app.WaitForOutputAsync(l => l.StartsWith(listening, StringComparison.Ordinal));
            var key = await app.WaitForOutputAsync(l => l.StartsWith(admin, StringComparison.Ordinal));
            app.BaseAddress = new Uri(address[listening.Length..].Split(' ')[0]);
            return (app, key[admin.Length..]);
        }
        catch (TimeoutException)
        {
            await app.DisposeAsync();
            throw new TimeoutException($"The ephemeral app announced no URL and key:\n{string.Join('\n', app.ErrorLines.Concat(app.OutputLines))}");
        }
    }

    /// <summary>Starts the server on a free loopback port and returns once it answers <c>/health/ready</c>.</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? environment = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = new Process { StartInfo = StartInfo(database, environment, "--urls", baseAddress.ToString().TrimEnd('/')) };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Received(e.Data, app._output);
        process.ErrorDataReceived += (_, e) => app.Received(e.Data, app._errors);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (process.HasExited)
            {
                // The parameterless wait also waits for the output readers to reach the end of what was written.
                process.WaitForExit();
                throw new InvalidOperationException(
                    $"The app exited with {process.ExitCode} while starting:\n{string.Join('\n', app.ErrorLines.Concat(app.OutputLines))}");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                await app.DisposeAsync();
                throw new TimeoutException("The app was not ready in time.");
            }

            await Task.Delay(100);
        }
    }

    public HttpClient CreateClient(string? key = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = BaseAddress;
        client.Timeout = Patience;
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Completes when a line of standard output (already written or still to come) matches.</summary>
    public Task<string> WaitForOutputAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var earlier = _output.FirstOrDefault(match);
            if (earlier is not null)
            {
                return Task.FromResult(earlier);
            }

            _watchers.Add((match, seen));
        }

        return seen.Task.WaitAsync(Patience);
    }

    /// <summary>What a container platform sends to stop the app: SIGTERM.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The exit code, once the process has exited (and all its output has been read).</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line, ConcurrentQueue<string> into)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            into.Enqueue(line);
            if (!ReferenceEquals(into, _output))
            {
                return;
            }

            foreach (var watcher in _watchers.Where(w => w.Match(line)).ToList())
            {
                watcher.Seen.TrySetResult(line);
                _watchers.Remove(watcher);
            }
        }
    }

    private static ProcessStartInfo StartInfo(TestDatabase? database, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test says: nothing of the runner's own environment that would change how the app runs.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)
            || k.StartsWith("Logging__", StringComparison.Ordinal) || k.StartsWith("Database__", StringComparison.Ordinal)
            || k.StartsWith("OpenTelemetry__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (database is not null)
        {
            start.Environment["Database__Provider"] = database.Provider;
            start.Environment["ConnectionStrings__Talks"] = database.ConnectionString;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
