namespace Talks.Generator;

/// <summary>
/// A one-line bar redrawn in place on a terminal; to a file or pipe (CI logs) it writes a line every tenth instead,
/// so logs are not flooded with carriage returns.
/// </summary>
internal sealed class ProgressBar(TextWriter output, long total, string unit)
{
    private const int Width = 30;
    private readonly bool interactive = ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected;
    private readonly long started = TimeProvider.System.GetTimestamp();
    private int lastShown = -1;

    public void Report(long done)
    {
        var percent = (int)(100 * done / Math.Max(1, total));
        if (percent == lastShown || (!interactive && percent / 10 == lastShown / 10 && percent != 100))
        {
            return;
        }

        lastShown = percent;
        var filled = Width * percent / 100;
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%  {done:N0}/{total:N0} {unit}  {seconds:F1} s";
        output.Write(interactive ? $"\r{line}" : $"{line}\n");
    }

    public void Finish()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }
}
