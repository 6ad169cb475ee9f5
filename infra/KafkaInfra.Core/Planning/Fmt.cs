using System.Globalization;

namespace KafkaInfra.Core.Planning;

/// <summary>Number formatting for plan explanations: invariant, with thousands separators.</summary>
internal static class Fmt
{
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 broker", "3 brokers": a count with the noun that agrees with it.</summary>
    public static string Count(long n, string one, string many) => $"{N(n)} {(n == 1 ? one : many)}";

    public static string D(double d, int decimals = 1) => d.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string GiB(double bytes) => D(bytes / Units.GiB, 1) + " GiB";

    public static string MBps(double bytesPerSecond) => D(bytesPerSecond / Units.MB, 2) + " MB/s";

    /// <summary>A topic's retention.ms for people: "24 h", "30 min", "1,500 ms", "no time limit" (-1), "none (compacted)" (null).</summary>
    public static string Retention(long? ms) => ms switch
    {
        null => "none (compacted)",
        < 0 => "no time limit (retention.ms -1)",
        { } v when v % 3_600_000 == 0 => $"{N(v / 3_600_000)} h",
        { } v when v % 60_000 == 0 => $"{N(v / 60_000)} min",
        { } v when v % 1_000 == 0 => $"{N(v / 1_000)} s",
        { } v => $"{N(v)} ms",
    };
}

/// <summary>Byte units.</summary>
public static class Units
{
    public const double MB = 1_000_000d;
    public const double GiB = 1024d * 1024 * 1024;
}
