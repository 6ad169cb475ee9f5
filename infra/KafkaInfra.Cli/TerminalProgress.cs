using System.Diagnostics;
using System.Globalization;

namespace KafkaInfra.Cli;

/// <summary>
/// Progress of a long operation on stderr, one line rewritten in place, only when stderr is the process's terminal:
/// silent when stderr is redirected (pipelines, CI logs, tests) and for small inputs, so output stays scriptable.
/// </summary>
internal sealed class TerminalProgress : IDisposable
{
    private readonly TextWriter? writer;
    private readonly long started = Stopwatch.GetTimestamp();
    private int shown;

    private TerminalProgress(TextWriter? writer) => this.writer = writer;

    /// <summary>Whether lines are shown (stderr is the real, unredirected console).</summary>
    public bool Enabled => writer is not null;

    /// <summary>
    /// A progress line on <paramref name="stderr"/> when it is the console's stderr and not redirected, and
    /// <paramref name="large"/> says the input is large enough to take noticeable time; otherwise a no-op.
    /// </summary>
    public static TerminalProgress For(TextWriter stderr, bool large) =>
        new(large && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null);

    /// <summary><see cref="For"/> and a first <see cref="Step"/>: one call for a command with a single long step.</summary>
    public static TerminalProgress Start(TextWriter stderr, bool large, string what)
    {
        var progress = For(stderr, large);
        progress.Step(what);
        return progress;
    }

    /// <summary>Shows what is being done now, with the time since the operation started.</summary>
    public void Step(string what)
    {
        if (writer is null)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{what} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");
        writer.Write("\r" + line.PadRight(shown));
        writer.Flush();
        shown = line.Length;
    }

    /// <summary>Clears the progress line so the command's own output starts on a clean line.</summary>
    public void Dispose()
    {
        if (writer is null || shown == 0)
        {
            return;
        }

        writer.Write("\r" + new string(' ', shown) + "\r");
        writer.Flush();
        shown = 0;
    }
}
