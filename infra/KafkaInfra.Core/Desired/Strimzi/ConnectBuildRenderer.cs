using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>
/// KafkaConnect <c>spec.build</c> from <c>connect[].build</c> (041-Crd-kafkaconnect.yaml, Strimzi 1.2): Strimzi downloads
/// each artifact, checks its <c>sha512sum</c>, builds an image on its own Connect image, pushes it to
/// <c>output.image</c> with <c>output.pushSecret</c> and rolls the workers onto it.
/// </summary>
internal static class ConnectBuildRenderer
{
    public static Tree? Build(ConnectBuildConfig? build)
    {
        if (build is null)
        {
            return null;
        }

        var plugins = build.Plugins.Select(p => (object)new Tree
        {
            ["name"] = p.Name,
            ["artifacts"] = p.Artifacts.Select(a => (object)Artifact(a)).ToArray(),
        }).ToArray();
        return new Tree
        {
            ["output"] = new Tree { ["type"] = build.OutputType, ["image"] = build.OutputImage, ["pushSecret"] = build.PushSecret },
            ["plugins"] = plugins,
        };
    }

    private static Tree Artifact(ConnectBuildArtifactConfig a) => new()
    {
        ["type"] = a.Type,
        ["url"] = a.Url,
        ["sha512sum"] = a.Sha512Sum,
        ["fileName"] = a.FileName,
        ["group"] = a.Group,
        ["artifact"] = a.Artifact,
        ["version"] = a.Version,
        ["repository"] = a.Repository,
    };
}
