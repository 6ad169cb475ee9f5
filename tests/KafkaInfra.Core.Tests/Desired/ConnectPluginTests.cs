using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// connect[].image and connect[].build: Strimzi's Connect image ships only Kafka's own connectors (platform-facts 8.2),
/// so any other class needs an image that has it or a build (KafkaConnect spec.build, 041-Crd-kafkaconnect.yaml).
/// </summary>
public class ConnectPluginTests
{
    private static readonly string Sha = string.Concat(Enumerable.Repeat("0123456789abcdef", 8));

    private static string Connect(string group, string cls = "io.confluent.connect.s3.S3SinkConnector") => $"""
          kafka-infra:connect:
            - name: sinks
        {group}
              connectors:
                - name: archive
                  class: {cls}
                  topics: [orders]
        """;

    private static string Yaml(string group, string cls = "io.confluent.connect.s3.S3SinkConnector", string environment = "dev") =>
        StrimziStacks.StrimziYaml(environment: environment, tail: Connect(group, cls));

    private static string Build(string artifact) => $$"""
              build:
                output:
                  image: registry.example.com/kafka/connect-s3:1
                  pushSecret: registry-credentials
                plugins:
                  - name: confluentinc-kafka-connect-s3
                    artifacts:
        {{artifact}}
        """;

    private static string ZipArtifact(string? sha) => $"""
                      - type: zip
                        url: https://hub.example.com/confluentinc-kafka-connect-s3-10.6.5.zip
        {(sha is null ? "" : $"                sha512sum: {sha}")}
        """;

    [Fact]
    public void A_class_kafka_does_not_ship_without_image_or_build_is_refused_naming_the_key()
    {
        var result = StrimziStacks.PlanText(Yaml(""));
        var error = Assert.Single(result.Errors);
        Assert.Equal("kafka-infra:connect[0].connectors[0].class", error.Path);
        Assert.Contains("\"io.confluent.connect.s3.S3SinkConnector\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:connect[0].build", error.Message, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:connect[0].image", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("org.apache.kafka.connect.mirror.MirrorSourceConnector", true)]
    [InlineData("org.apache.kafka.connect.mirror.MirrorCheckpointConnector", true)]
    [InlineData("org.apache.kafka.connect.file.FileStreamSinkConnector", false)] // off the plugin path since Kafka 3.2 (KAFKA-13748)
    [InlineData("io.debezium.connector.postgresql.PostgresConnector", false)]
    public void Only_kafkas_own_connectors_run_on_strimzis_image(string cls, bool accepted)
    {
        var result = StrimziStacks.PlanText(Yaml("", cls));
        Assert.Equal(accepted, result.IsValid);
    }

    [Fact]
    public void An_image_is_rendered_as_the_workers_image_and_satisfies_the_rule()
    {
        var connect = StrimziStacks.Strimzi(Yaml("      image: registry.example.com/kafka/connect-s3:1")).Single("KafkaConnect", "sinks");
        Assert.Equal("registry.example.com/kafka/connect-s3:1", connect.Spec()["image"]);
        Assert.Null(connect.Spec()["build"]);
    }

    [Fact]
    public void A_build_renders_output_push_secret_and_checksummed_artifacts_as_strimzi_reads_them()
    {
        var spec = StrimziStacks.Strimzi(Yaml(Build(ZipArtifact(Sha)))).Single("KafkaConnect", "sinks").Spec();
        Assert.Null(spec["image"]); // Strimzi runs the image it built
        var build = spec.Child("build");
        Assert.Equal("docker", build.At("output.type"));
        Assert.Equal("registry.example.com/kafka/connect-s3:1", build.At("output.image"));
        Assert.Equal("registry-credentials", build.At("output.pushSecret"));
        var plugin = Assert.IsType<Tree>(Assert.Single(build.ListAt("plugins")));
        Assert.Equal("confluentinc-kafka-connect-s3", plugin["name"]);
        var artifact = Assert.IsType<Tree>(Assert.Single(plugin.ListAt("artifacts")));
        Assert.Equal("zip", artifact["type"]);
        Assert.Equal("https://hub.example.com/confluentinc-kafka-connect-s3-10.6.5.zip", artifact["url"]);
        Assert.Equal(Sha, artifact["sha512sum"]);
        Assert.Null(artifact["group"]);
    }

    [Fact]
    public void A_maven_artifact_renders_its_coordinates_and_needs_no_checksum_even_in_prod()
    {
        var maven = """
                          - type: maven
                            repository: https://packages.confluent.io/maven/
                            group: io.confluent
                            artifact: kafka-connect-s3
                            version: 10.6.5
            """;
        var result = StrimziStacks.PlanText(Yaml(Build(maven), environment: "prod"));
        Assert.DoesNotContain(result.Errors, e => e.Path.Contains("build", StringComparison.Ordinal));
        var spec = StrimziStacks.Strimzi(Yaml(Build(maven))).Single("KafkaConnect", "sinks").Spec();
        var artifact = (Tree)((Tree)spec.Child("build").ListAt("plugins")[0]).ListAt("artifacts")[0];
        Assert.Equal(["type", "group", "artifact", "version", "repository"], artifact.Keys);
        Assert.Equal("io.confluent", artifact["group"]);
    }

    [Fact]
    public void A_downloaded_artifact_without_checksum_is_an_error_in_prod_and_a_warning_in_dev()
    {
        const string Path = "kafka-infra:connect[0].build.plugins[0].artifacts[0].sha512sum";
        var prod = StrimziStacks.PlanText(Yaml(Build(ZipArtifact(null)), environment: "prod"));
        Assert.Contains(prod.Errors, e => e.Path == Path && e.Message.Contains("SHA-512", StringComparison.Ordinal));
        var dev = StrimziStacks.PlanText(Yaml(Build(ZipArtifact(null))));
        Assert.True(dev.IsValid);
        Assert.Contains(dev.Warnings, w => w.Path == Path);
    }

    [Theory]
    [InlineData("type: war", "artifacts[0].type", "\"war\"")]
    [InlineData("type: zip\n  url: not-a-url", "artifacts[0].url", "\"not-a-url\"")]
    [InlineData("type: zip\n  url: https://x.example.com/a.zip\n  sha512sum: abc", "artifacts[0].sha512sum", "\"abc\"")]
    [InlineData("type: jar", "artifacts[0].url", "is required")]
    [InlineData("type: maven\n  group: g\n  artifact: a", "artifacts[0].version", "is required")]
    [InlineData("type: maven\n  group: g\n  artifact: a\n  version: \"1\"\n  url: https://x.example.com/a.jar", "artifacts[0].url", "does not apply to a maven artifact")]
    [InlineData("type: zip\n  url: https://x.example.com/a.zip\n  group: g", "artifacts[0].group", "applies to maven artifacts only")]
    public void Bad_artifacts_are_refused_with_their_key_and_value(string artifact, string key, string expected)
    {
        var lines = artifact.Split('\n');
        var text = "              - " + lines[0] + string.Concat(lines.Skip(1).Select(l => "\n              " + l));
        var result = StrimziStacks.PlanText(Yaml(Build(text)));
        var error = Assert.Single(result.Errors, e => e.Path == "kafka-infra:connect[0].build.plugins[0]." + key);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_build_shapes_are_refused_with_their_keys()
    {
        var result = StrimziStacks.PlanText(Yaml("""
                  image: registry.example.com/other:1
                  build:
                    output: { type: s3, pushSecret: Registry_Creds }
                    plugins:
                      - name: Bad_Name
                        artifacts: []
                      - name: twice
                        artifacts: [{ type: maven, group: g, artifact: a, version: "1" }]
                      - name: twice
                        artifacts: [{ type: maven, group: g, artifact: a, version: "1" }]
            """));
        var paths = result.Errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("kafka-infra:connect[0].image", paths); // not together with build
        Assert.Contains("kafka-infra:connect[0].build.output.type", paths);
        Assert.Contains("kafka-infra:connect[0].build.output.image", paths);
        Assert.Contains("kafka-infra:connect[0].build.output.pushSecret", paths);
        Assert.Contains("kafka-infra:connect[0].build.plugins[0].name", paths);
        Assert.Contains("kafka-infra:connect[0].build.plugins[0].artifacts", paths);
        Assert.Contains("kafka-infra:connect[0].build.plugins[2].name", paths);
        Assert.Contains(result.Errors, e => e.Path == "kafka-infra:connect[0].build.output.type" && e.Message.Contains("\"s3\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dev_stack_builds_its_s3_sink_into_the_workers_image()
    {
        var plan = StrimziStacks.PlanText(StrimziStacks.StackText("dev"));
        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        var connect = StrimziStacks.Dev().Single("KafkaConnect", "sinks");
        var plugin = (Tree)connect.Spec().Child("build").ListAt("plugins")[0];
        var artifact = (Tree)plugin.ListAt("artifacts")[0];
        Assert.Equal("kafka-connect-s3", artifact["artifact"]);
        Assert.NotNull(connect.Spec().At("build.output.image"));
    }
}

/// <summary>Issue 16 item 5 (part): a sink connector's config may not silently replace its planned topics.</summary>
public class ConnectorTopicsOverrideTests
{
    [Theory]
    [InlineData("topics", "audit")]
    [InlineData("topics.regex", "orders.*")]
    public void A_sink_connectors_config_may_not_choose_its_topics(string key, string value)
    {
        var result = StrimziStacks.PlanText(StrimziStacks.StrimziYaml(tail: $$"""
              kafka-infra:connect:
                - name: sinks
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
                      config: { {{key}}: "{{value}}" }
            """));
        var error = Assert.Single(result.Errors);
        Assert.Equal($"kafka-infra:connect[0].connectors[0].config.{key}", error.Path);
        Assert.Contains($"\"{value}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("kafka-infra:connect[0].connectors[0].topics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rendered_sink_reads_exactly_its_planned_topics()
    {
        var connector = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(tail: """
              kafka-infra:connect:
                - name: sinks
                  image: registry.example.com/kafka/connect-s3:1
                  connectors:
                    - name: archive
                      class: io.confluent.connect.s3.S3SinkConnector
                      topics: [orders]
                      config: { flush.size: 100 }
            """)).Single("KafkaConnector", "archive");
        Assert.Equal("orders", connector.Spec().Child("config")["topics"]);
    }
}
