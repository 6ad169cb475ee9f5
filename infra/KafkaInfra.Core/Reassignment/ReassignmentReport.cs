using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KafkaInfra.Core.Reassignment;

/// <summary>Renders a <see cref="ReassignmentSummary"/> as text for people or JSON for tools.</summary>
public static class ReassignmentReport
{
    private static readonly string[] Header = ["broker", "rack", "replicas before", "after", "leaders before", "after", ""];

    public static string ToText(ReassignmentSummary s)
    {
        var sb = new StringBuilder();
        void Line(FormattableString text) => sb.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

        var kept = s.Brokers.Count(b => !b.Removed);
        Line($"Reassignment plan: {s.Partitions} partitions, {s.Replicas} replicas on {kept} brokers");
        Line($"  replica moves:            {s.ReplicaMoves} (lower bound {s.LowerBound})");
        if (s.BytesMoved is { } bytes)
        {
            var unknown = s.MovesWithoutSize > 0 ? Inv($" (+{s.MovesWithoutSize} moved replicas without a size)") : "";
            Line($"  bytes moved:              {bytes} ({FormatBytes(bytes)}){unknown}");
        }

        Line($"  partitions changed:       {s.PartitionsChanged} (leader-only reorders, no data moved: {s.LeaderOnlyChanges})");
        Line($"  preferred leader changes: {s.PreferredLeaderChanges}");
        Line($"  target replicas/broker:   {Range(s.ReplicaTargetMin, s.ReplicaTargetMax)}; leaders/broker: {Range(s.LeaderTargetMin, s.LeaderTargetMax)}");
        sb.Append('\n');
        var hasRacks = s.Brokers.Any(b => b.Rack is not null);
        var rows = new List<string[]> { Header.ToArray() };
        foreach (var b in s.Brokers)
        {
            rows.Add([
                Inv($"{b.Broker}"), b.Rack ?? "-", Inv($"{b.ReplicasBefore}"), Inv($"{b.ReplicasAfter}"),
                Inv($"{b.LeadersBefore}"), Inv($"{b.LeadersAfter}"), b.Removed ? "removed" : b.ReplicasBefore == 0 ? "new" : "",
            ]);
        }

        var columns = Enumerable.Range(0, rows[0].Length).Where(c => hasRacks || c != 1).ToList();
        var widths = columns.ToDictionary(c => c, c => rows.Max(r => r[c].Length));
        foreach (var row in rows)
        {
            sb.Append("  ").Append(string.Join("  ", columns.Select(c => c == 1 || c == 6 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]))).TrimEnd()).Append('\n');
        }

        foreach (var w in s.Warnings)
        {
            sb.Append("warning: ").Append(w).Append('\n');
        }

        return sb.ToString();
    }

    public static string ToJson(ReassignmentSummary s)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("partitions", s.Partitions);
            w.WriteNumber("replicas", s.Replicas);
            w.WriteNumber("replicaMoves", s.ReplicaMoves);
            w.WriteNumber("lowerBound", s.LowerBound);
            if (s.BytesMoved is { } bytes)
            {
                w.WriteNumber("bytesMoved", bytes);
                w.WriteNumber("movesWithoutSize", s.MovesWithoutSize);
            }

            w.WriteNumber("partitionsChanged", s.PartitionsChanged);
            w.WriteNumber("leaderOnlyChanges", s.LeaderOnlyChanges);
            w.WriteNumber("preferredLeaderChanges", s.PreferredLeaderChanges);
            w.WriteStartObject("replicaTarget");
            w.WriteNumber("min", s.ReplicaTargetMin);
            w.WriteNumber("max", s.ReplicaTargetMax);
            w.WriteEndObject();
            w.WriteStartObject("leaderTarget");
            w.WriteNumber("min", s.LeaderTargetMin);
            w.WriteNumber("max", s.LeaderTargetMax);
            w.WriteEndObject();
            w.WriteStartArray("brokers");
            foreach (var b in s.Brokers)
            {
                w.WriteStartObject();
                w.WriteNumber("broker", b.Broker);
                if (b.Rack is not null)
                {
                    w.WriteString("rack", b.Rack);
                }

                w.WriteBoolean("removed", b.Removed);
                w.WriteNumber("replicasBefore", b.ReplicasBefore);
                w.WriteNumber("replicasAfter", b.ReplicasAfter);
                w.WriteNumber("leadersBefore", b.LeadersBefore);
                w.WriteNumber("leadersAfter", b.LeadersAfter);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var warning in s.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Range(int min, int max) => min == max ? Inv($"{min}") : Inv($"{min}..{max}");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] SizeUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    private static string FormatBytes(long bytes)
    {
        var units = SizeUnits;
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return Inv($"{value:0.#} {units[unit]}");
    }
}
