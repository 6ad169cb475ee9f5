using System.Text.Json;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The reader of <c>kafka-infra:connect[].build</c> (Strimzi KafkaConnect <c>spec.build</c>). Field names, enums and
/// patterns are those of Strimzi 1.2's 041-Crd-kafkaconnect.yaml, so a value the CRD would refuse is refused here with its key.
/// </summary>
public static partial class StackConfigLoader
{
    /// <summary><c>build.output.type</c> values (041-Crd-kafkaconnect.yaml).</summary>
    internal static readonly string[] BuildOutputTypes = ["docker", "imagestream"];

    /// <summary><c>build.plugins[].artifacts[].type</c> values (041-Crd-kafkaconnect.yaml).</summary>
    internal static readonly string[] BuildArtifactTypes = ["jar", "tgz", "zip", "maven", "other"];

    private static readonly string[] FileArtifactKeys = ["url", "sha512sum", "fileName"];

    private static readonly string[] MavenArtifactKeys = ["group", "artifact", "version", "repository"];

    [GeneratedRegex("^[a-z0-9][-_a-z0-9]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BuildPluginNamePattern();

    [GeneratedRegex("^(https?|ftp)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$", RegexOptions.CultureInvariant)]
    private static partial Regex BuildArtifactUrlPattern();

    [GeneratedRegex("^[0-9a-fA-F]{128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha512Pattern();

    private static ConnectBuildConfig? ReadBuild(ObjectReader group)
    {
        if (group.Object("build", required: false, KeysOf("connect[].build")) is not { } r)
        {
            return null;
        }

        string? image = null;
        var type = "docker";
        string? pushSecret = null;
        if (r.Object("output", required: true, KeysOf("connect[].build.output")) is { } output)
        {
            type = output.String("type", expected: "docker or imagestream") ?? Defaults.ConnectBuildOutputType;
            if (Array.IndexOf(BuildOutputTypes, type) < 0)
            {
                r.Errors.Add(output.Child("type"), $"must be one of {string.Join(", ", BuildOutputTypes)}; got {Describe.Quote(type)}");
            }

            image = output.String("image", required: true, expected: "the image Strimzi builds and pushes, such as registry.example.com/kafka/connect-s3:1");
            pushSecret = output.String("pushSecret", expected: "the name of a Secret with the registry's credentials in the Kafka namespace");
            if (pushSecret is not null && Names.KubernetesSubdomainProblem(pushSecret) is { } problem)
            {
                r.Errors.Add(output.Child("pushSecret"), problem);
            }
        }

        var plugins = new List<ConnectBuildPluginConfig>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = r.List("plugins", required: true);
        if (r.Has("plugins") && list.Count == 0)
        {
            r.Errors.Add(r.Child("plugins"), "must list at least one plugin; a build without plugins is Strimzi's own image (leave build out)");
        }

        foreach (var (p, i) in r.Objects(list, KeysOf("connect[].build.plugins[]")))
        {
            if (ReadBuildPlugin(p, i) is { } plugin)
            {
                if (!names.TryAdd(plugin.Name, p.Path))
                {
                    r.Errors.Add($"{p.Path}.name", $"duplicates {names[plugin.Name]}.name {Describe.Quote(plugin.Name)}; Strimzi stores each plugin in a folder of its name, unique within the group");
                }

                plugins.Add(plugin);
            }
        }

        return image is null ? null : new ConnectBuildConfig(type, image, pushSecret, plugins);
    }

    private static ConnectBuildPluginConfig? ReadBuildPlugin(ObjectReader r, int index)
    {
        var name = r.String("name", required: true, expected: "a plugin name such as confluentinc-kafka-connect-s3");
        if (name is { Length: > 0 } && !BuildPluginNamePattern().IsMatch(name))
        {
            r.Errors.Add(r.Child("name"), $"must be lower-case letters, digits, '-' and '_', starting and ending with a letter or digit (Strimzi's plugin name pattern); got {Describe.Quote(name)}");
        }

        var artifacts = new List<ConnectBuildArtifactConfig>();
        var list = r.List("artifacts", required: true);
        if (r.Has("artifacts") && list.Count == 0)
        {
            r.Errors.Add(r.Child("artifacts"), "must list at least one artifact (a jar, tgz, zip or other file with its url, or maven coordinates)");
        }

        foreach (var (a, i) in r.Objects(list, KeysOf("connect[].build.plugins[].artifacts[]")))
        {
            if (ReadBuildArtifact(a, i) is { } artifact)
            {
                artifacts.Add(artifact);
            }
        }

        return name is null ? null : new ConnectBuildPluginConfig(index, name, artifacts);
    }

    private static ConnectBuildArtifactConfig? ReadBuildArtifact(ObjectReader r, int index)
    {
        var type = r.String("type", required: true, expected: string.Join(", ", BuildArtifactTypes));
        if (type is null)
        {
            return null;
        }

        if (Array.IndexOf(BuildArtifactTypes, type) < 0)
        {
            r.Errors.Add(r.Child("type"), $"must be one of {string.Join(", ", BuildArtifactTypes)}; got {Describe.Quote(type)}");
            return null;
        }

        var maven = type == "maven";
        var url = r.String("url", required: !maven, expected: "the https URL of the artifact");
        var sha = r.String("sha512sum", expected: "the artifact's SHA-512 checksum (128 hex digits)");
        var fileName = r.String("fileName", expected: "the file name the artifact is stored under");
        var mavenGroup = r.String("group", required: maven, expected: "the Maven group id, such as io.confluent");
        var artifact = r.String("artifact", required: maven, expected: "the Maven artifact id");
        var version = r.String("version", required: maven, expected: "the Maven version");
        var repository = r.String("repository", expected: "the Maven repository URL");
        if (maven)
        {
            // Strimzi resolves Maven artifacts from coordinates and checks no checksum for them (041-Crd-kafkaconnect.yaml:
            // url "not applicable to the maven artifact type", sha512sum "not applicable to the maven artifact type").
            foreach (var key in FileArtifactKeys.Where(r.Has))
            {
                r.Errors.Add(r.Child(key), "does not apply to a maven artifact (Strimzi resolves it from group, artifact and version); use type jar, tgz, zip or other for a file with a URL");
            }
        }
        else
        {
            foreach (var key in MavenArtifactKeys.Where(r.Has))
            {
                r.Errors.Add(r.Child(key), $"applies to maven artifacts only; this artifact has type {Describe.Quote(type)}");
            }

            if (url is { Length: > 0 } && !BuildArtifactUrlPattern().IsMatch(url))
            {
                r.Errors.Add(r.Child("url"), $"must be an http, https or ftp URL (Strimzi's artifact URL pattern); got {Describe.Quote(url)}");
            }
        }

        if (sha is not null && !maven && !Sha512Pattern().IsMatch(sha))
        {
            r.Errors.Add(r.Child("sha512sum"), $"must be a SHA-512 checksum, 128 hex digits; got {Describe.Quote(sha)}");
        }

        return new ConnectBuildArtifactConfig(index, type, url, sha, fileName, mavenGroup, artifact, version, repository);
    }
}
