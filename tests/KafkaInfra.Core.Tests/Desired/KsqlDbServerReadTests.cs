using System.Diagnostics;
using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired;

namespace KafkaInfra.Core.Tests.Desired;

/// <summary>
/// Reads the rendered ksqlDB Deployment manifest the way the cp-ksqldb-server image does: every <c>KSQL_*</c> env var
/// becomes a server property (prefix dropped, lower case, <c>_</c> → <c>.</c>; platform-facts 3 and 8.2).
/// </summary>
public class KsqlDbServerReadTests
{
    private const string Tail = """
          kafka-infra:ksqldb:
            - name: analytics
              topics: [orders]
        """;

    private static Tree Deployment(string tail = Tail, int brokers = 3) =>
        StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(brokers: brokers, tail: tail)).Single("Deployment", "ksqldb-analytics").Body;

    private static Tree PodSpec(Tree deployment) => (Tree)deployment.At("spec.template.spec")!;

    private static Tree Container(Tree deployment) => (Tree)Assert.Single(PodSpec(deployment).ListAt("containers"));

    /// <summary>The server properties set by literal env values.</summary>
    private static Dictionary<string, string> Properties(Tree deployment) =>
        Container(deployment).ListAt("env").Cast<Tree>()
            .Where(e => ((string)e["name"]!).StartsWith("KSQL_", StringComparison.Ordinal) && e["value"] is not null)
            .ToDictionary(e => ((string)e["name"]!)["KSQL_".Length..].ToLowerInvariant().Replace('_', '.'), e => (string)e["value"]!);

    [Fact]
    public void The_truststore_is_the_pkcs12_store_strimzi_writes_with_its_password_from_the_same_secret()
    {
        // ksqlDB's KsqlRestConfig accepts ssl.truststore.type JKS, PKCS12 or BCFKS only and exits at start on PEM;
        // Strimzi writes ca.p12 and ca.password into <cluster>-cluster-ca-cert (platform-facts 8.2).
        var deployment = Deployment();
        var props = Properties(deployment);
        Assert.Contains(props["ssl.truststore.type"], new[] { "JKS", "PKCS12", "BCFKS" });
        Assert.Equal("PKCS12", props["ssl.truststore.type"]);

        var mount = (Tree)Assert.Single(Container(deployment).ListAt("volumeMounts"));
        var volume = PodSpec(deployment).ListAt("volumes").Cast<Tree>().Single(v => (string?)v["name"] == (string?)mount["name"]);
        Assert.Equal(KafkaResources.ClusterCaSecret("events"), volume.At("secret.secretName"));
        Assert.Equal($"{mount["mountPath"]}/{KafkaResources.ClusterCaP12Key}", props["ssl.truststore.location"]);

        var password = Container(deployment).ListAt("env").Cast<Tree>().Single(e => (string?)e["name"] == "KSQL_SSL_TRUSTSTORE_PASSWORD");
        Assert.Null(password["value"]);
        Assert.Equal(volume.At("secret.secretName"), password.At("valueFrom.secretKeyRef.name"));
        Assert.Equal("ca.password", password.At("valueFrom.secretKeyRef.key"));
    }

    [Theory]
    [InlineData(3, 3, 2)]
    [InlineData(2, 2, 1)]
    public void The_command_topic_is_created_with_the_planned_replicas_and_min_isr(int brokers, int rf, int minIsr)
    {
        var tail = $"  kafka-infra:topicDefaults:\n    replicationFactor: {rf}\n    minInsyncReplicas: {minIsr}\n" + Tail;
        var group = Assert.Single(StrimziStacks.Plan(StrimziStacks.StrimziYaml(brokers: brokers, tail: tail)).KsqlDb);
        Assert.Equal((rf, minIsr), (group.InternalReplicationFactor, group.InternalMinInsyncReplicas));

        var props = Properties(Deployment(tail, brokers));
        Assert.Equal(Int(rf), props["ksql.internal.topic.replicas"]);
        Assert.Equal(Int(minIsr), props["ksql.internal.topic.min.insync.replicas"]);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("{\"isHealthy\":true,\"details\":{\"metastore\":{\"isHealthy\":true},\"kafka\":{\"isHealthy\":true}}}", true)]
    [InlineData("{\n  \"isHealthy\" : true,\n  \"details\" : { \"kafka\" : { \"isHealthy\" : true } }\n}", true)]
    [InlineData("{\"isHealthy\":false,\"details\":{\"metastore\":{\"isHealthy\":true},\"kafka\":{\"isHealthy\":false}}}", false)]
    [InlineData("", false)]
    public void Readiness_reads_is_healthy_from_the_healthcheck_body_not_the_status_code(string body, bool ready)
    {
        // /healthcheck answers 200 even when unhealthy (platform-facts 8.2), so an httpGet probe would always pass.
        // Run the rendered exec probe as the kubelet does, with a curl stand-in that answers 200 with `body`.
        var probe = (Tree)Container(Deployment())["readinessProbe"]!;
        Assert.Null(probe["httpGet"]);
        var command = probe.ListAt("exec.command").Cast<string>().ToArray();
        Assert.Equal("sh", command[0]);
        if (OperatingSystem.IsWindows())
        {
            return; // the command is a POSIX shell pipeline, run where the container runs (CI is Linux)
        }

        var dir = Directory.CreateTempSubdirectory("ksqldb-probe");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "body"), body);
            var curl = Path.Combine(dir.FullName, "curl");
            File.WriteAllText(curl, $"#!/bin/sh\ncat '{Path.Combine(dir.FullName, "body")}'\n");
            File.SetUnixFileMode(curl, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in command.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["PATH"] = dir.FullName + ":" + Environment.GetEnvironmentVariable("PATH");
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(ready, process.ExitCode == 0);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Liveness_stays_an_http_check_of_the_rest_port()
    {
        var probe = (Tree)Container(Deployment())["livenessProbe"]!;
        Assert.Equal("/healthcheck", probe.At("httpGet.path"));
        Assert.Equal(8088, probe.At("httpGet.port"));
    }

    [Fact]
    public void A_default_service_id_ends_with_an_underscore_so_its_acl_prefix_grants_no_other_group_s_topics()
    {
        // Kafka matches a prefix ACL by plain string prefix (platform-facts 8.2): analytics must not reach analytics2.
        var state = StrimziStacks.Strimzi(StrimziStacks.StrimziYaml(tail: """
              kafka-infra:ksqldb:
                - name: analytics
                - name: analytics2
            """));
        var ids = new[] { "analytics", "analytics2" }.ToDictionary(
            g => g,
            g => Properties(state.Single("Deployment", $"ksqldb-{g}").Body)["ksql.service.id"]);
        Assert.Equal("analytics_", ids["analytics"]);
        foreach (var (group, id) in ids)
        {
            var prefixes = state.Single("KafkaUser", $"ksqldb-{group}").Spec().ListAt("authorization.acls").Cast<Tree>()
                .Where(a => (string?)a.At("resource.patternType") == "prefix")
                .Select(a => (string)a.At("resource.name")!)
                .ToList();
            Assert.NotEmpty(prefixes);
            foreach (var (other, otherId) in ids.Where(o => o.Key != group))
            {
                // ksqlDB's own command topic for the other group's id, as the server names it.
                var otherCommandTopic = $"_confluent-ksql-{otherId}_command_topic";
                Assert.DoesNotContain(prefixes, p => otherCommandTopic.StartsWith(p, StringComparison.Ordinal));
            }

            Assert.Contains(prefixes, p => $"_confluent-ksql-{id}_command_topic".StartsWith(p, StringComparison.Ordinal));
        }
    }
}
