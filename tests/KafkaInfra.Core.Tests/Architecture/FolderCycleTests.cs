namespace KafkaInfra.Core.Tests.Architecture;

/// <summary>Core's folders depend one way: (root) → Config → Planning → Desired (Cloud, the shared model, Kubernetes, Strimzi, Msk and External, Build) → Reports and Deployment.</summary>
public class FolderCycleTests
{
    /// <summary>
    /// A folder may use folders of a lower number only. Deployment (the Pulumi contract: stack outputs, reading what was
    /// deployed, layout) and Reports share the top and use neither each other nor anything above Desired.
    /// </summary>
    private static readonly Dictionary<string, int> Layer = new(StringComparer.Ordinal)
    {
        ["(root)"] = 0,
        ["Config"] = 1,
        ["Planning"] = 2,
        ["Desired.Cloud"] = 3,
        ["Desired"] = 4,
        ["Desired.Kubernetes"] = 5,
        ["Desired.Strimzi"] = 6,
        ["Desired.Msk"] = 6,
        ["Desired.External"] = 6,
        ["Desired.Build"] = 7,
        ["Reports"] = 8,
        ["Deployment"] = 8,
    };

    private static Dictionary<(string From, string To), string> CoreEdges() =>
        FolderDependencies.Read(Path.Combine(TestStacks.RepoRoot(), "infra", "KafkaInfra.Core"));

    [Fact]
    public void Core_folders_form_no_cycle()
    {
        var edges = CoreEdges();
        var cycles = FolderDependencies.Cycles(edges.Keys);
        Assert.True(cycles.Count == 0, "folder cycles: " + string.Join("; ", cycles.Select(c =>
            string.Join(", ", c) + " — through " + string.Join(", ", edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To)).Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")))));
    }

    [Fact]
    public void No_folder_depends_on_a_later_layer()
    {
        var backwards = CoreEdges()
            .Where(e => Layer.TryGetValue(e.Key.From, out var from) && Layer.TryGetValue(e.Key.To, out var to) && to > from)
            .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")
            .ToList();
        Assert.True(backwards.Count == 0, "against the layer order: " + string.Join("; ", backwards));
    }

    [Fact]
    public void Every_core_folder_has_a_layer()
    {
        // A new folder must be placed in the order above (Reassignment stands apart: it depends on nothing else in Core).
        var folders = CoreEdges().Keys.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal);
        Assert.DoesNotContain(folders, f => !Layer.ContainsKey(f) && f != "Reassignment");
    }

    [Fact]
    public void Reassignment_depends_on_nothing_else_in_core_but_the_shared_diagnostics()
    {
        var outward = CoreEdges()
            .Where(e => e.Key.From == "Reassignment" && e.Key.To != "(root)")
            .Select(e => $"Reassignment → {e.Key.To} ({e.Value})")
            .ToList();
        Assert.True(outward.Count == 0, "Reassignment must stand alone: " + string.Join("; ", outward));
    }

    [Fact]
    public void A_cycle_between_two_folders_is_found_with_the_files_that_cause_it()
    {
        var dir = Directory.CreateTempSubdirectory("folder-cycle-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "Planning"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "Reports"));
            // Real Core type names, so the reader maps them to their folders: TopicPlan is Planning's, ChangeKind is Reports'.
            File.WriteAllText(Path.Combine(dir.FullName, "Planning", "A.cs"), "namespace KafkaInfra.Core.Planning;\n// ChangeKind in a comment is no dependency\ninternal static class A { public static object X => ChangeKind.Brokers; }\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Reports", "B.cs"), "using KafkaInfra.Core.Planning;\nnamespace KafkaInfra.Core.Reports;\ninternal static class B { public const string S = \"TopicPlan\"; }\n");
            var edges = FolderDependencies.Read(dir.FullName);

            Assert.Equal(Path.Combine("Planning", "A.cs"), edges[("Planning", "Reports")]);
            Assert.Equal(Path.Combine("Reports", "B.cs"), edges[("Reports", "Planning")]);
            Assert.Equal([["Planning", "Reports"]], FolderDependencies.Cycles(edges.Keys));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Comments_and_plain_strings_are_no_dependency()
    {
        var dir = Directory.CreateTempSubdirectory("folder-cycle-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "C.cs"), "namespace KafkaInfra.Core.Config;\n/* ChangeKind */\ninternal static class C { public const string S = \"ChangeKind \\\" TopicPlan\"; } // TopicPlan\n");
            Assert.Empty(FolderDependencies.Read(dir.FullName));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
