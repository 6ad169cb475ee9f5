using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// Where a Strimzi Connect group's connector classes come from: Strimzi's own Connect image ships only the connectors of
/// Apache Kafka (platform-facts 8.2), so any other class needs <c>connect[].image</c> or <c>connect[].build</c>, else
/// the KafkaConnector stays NotReady with the plugin not found.
/// </summary>
internal sealed partial class PlanContext
{
    /// <summary>
    /// True when Strimzi's Connect image can load <paramref name="connectorClass"/>: Kafka's own connectors
    /// (<c>org.apache.kafka.connect.*</c>, MirrorMaker 2's <c>org.apache.kafka.connect.mirror.*</c>) except the file
    /// connectors, which Kafka took off the plugin path in 3.2 (KAFKA-13748; Strimzi's docs add them with <c>build</c>).
    /// </summary>
    internal static bool ShippedWithKafka(string connectorClass) =>
        connectorClass.StartsWith("org.apache.kafka.connect.", StringComparison.Ordinal)
        && !connectorClass.StartsWith("org.apache.kafka.connect.file.", StringComparison.Ordinal);

    private void CheckConnectPlugins()
    {
        if (Platform is not StrimziPlatform)
        {
            foreach (var g in config.Connect.Where(g => g.Build is not null))
            {
                Warn($"{g.Path}.build", "applies to strimzi: stacks only (Strimzi builds the Connect image); MSK Connect runs connectors from connect[].plugin; ignored");
            }

            return;
        }

        foreach (var g in config.Connect)
        {
            if (g.Image is null && g.Build is null)
            {
                foreach (var c in g.Connectors.Where(c => !ShippedWithKafka(c.Class)))
                {
                    Error($"{g.Path}.connectors[{c.Index}].class", $"{Describe.Quote(c.Class)} is not in Strimzi's Connect image, which has only Apache Kafka's own connectors (org.apache.kafka.connect.*, MirrorMaker 2): set {g.Path}.build (Strimzi builds an image with the plugin: output.image and plugins[].artifacts with url and sha512sum) or {g.Path}.image (an image that already has it)");
                }
            }

            foreach (var p in g.Build?.Plugins ?? [])
            {
                foreach (var a in p.Artifacts.Where(a => !a.IsMaven && a.Sha512Sum is null))
                {
                    ProdError($"{g.Path}.build.plugins[{p.Index}].artifacts[{a.Index}].sha512sum", $"is not set for {Describe.Quote(a.Url ?? "")}: Strimzi then builds whatever the URL serves at build time; give the file's SHA-512 so a changed or tampered download fails the build");
                }
            }
        }
    }
}
