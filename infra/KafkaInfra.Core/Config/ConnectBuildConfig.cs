namespace KafkaInfra.Core.Config;

/// <summary>
/// <c>kafka-infra:connect[].build</c>: Strimzi builds a Connect image with these plugins, pushes it to
/// <see cref="OutputImage"/> and runs the workers from it (KafkaConnect <c>spec.build</c>, 041-Crd-kafkaconnect.yaml).
/// </summary>
/// <param name="OutputType"><c>docker</c> (any registry) or <c>imagestream</c> (OpenShift).</param>
/// <param name="OutputImage">The image Strimzi builds and pushes.</param>
/// <param name="PushSecret">Secret in the Kafka namespace with the registry credentials, or null for a registry that needs none.</param>
/// <param name="Plugins">The plugins added to the image.</param>
public sealed record ConnectBuildConfig(string OutputType, string OutputImage, string? PushSecret, IReadOnlyList<ConnectBuildPluginConfig> Plugins);

/// <summary>One plugin of <c>connect[].build.plugins</c>: a name (its folder in the image) and the artifacts it is made of.</summary>
public sealed record ConnectBuildPluginConfig(int Index, string Name, IReadOnlyList<ConnectBuildArtifactConfig> Artifacts);

/// <summary>
/// One artifact of a build plugin: a <c>jar</c>, <c>tgz</c>, <c>zip</c> or <c>other</c> file downloaded from <see cref="Url"/>
/// and checked against <see cref="Sha512Sum"/>, or a <c>maven</c> artifact resolved from its coordinates.
/// </summary>
public sealed record ConnectBuildArtifactConfig(
    int Index,
    string Type,
    string? Url,
    string? Sha512Sum,
    string? FileName,
    string? Group,
    string? Artifact,
    string? Version,
    string? Repository)
{
    /// <summary>True for a Maven artifact (coordinates, no URL; Strimzi verifies no checksum for it).</summary>
    public bool IsMaven => Type == "maven";
}
