using System.Globalization;
using Pulumi;
using Aws = Pulumi.Aws;

namespace KafkaInfra;

/// <summary>
/// The outputs a <see cref="Core.Desired.ResourceRef"/> may name, per type token, read from the typed resource
/// class (camelCase schema name → property). A reference to an output not listed here fails the preview with the
/// list of known outputs; add a line here when Core starts referring to a new one.
/// </summary>
internal static class CloudOutputs
{
    private static readonly Dictionary<string, Dictionary<string, Func<Resource, Output<string>>>> ByType = new(StringComparer.Ordinal)
    {
        ["aws:msk/cluster:Cluster"] = Of<Aws.Msk.Cluster>(
            ("arn", r => r.Arn),
            ("bootstrapBrokers", r => r.BootstrapBrokers),
            ("bootstrapBrokersTls", r => r.BootstrapBrokersTls),
            ("bootstrapBrokersSaslIam", r => r.BootstrapBrokersSaslIam),
            ("bootstrapBrokersSaslScram", r => r.BootstrapBrokersSaslScram),
            ("clusterName", r => r.ClusterName),
            ("clusterUuid", r => r.ClusterUuid),
            ("currentVersion", r => r.CurrentVersion)),
        ["aws:msk/serverlessCluster:ServerlessCluster"] = Of<Aws.Msk.ServerlessCluster>(
            ("arn", r => r.Arn),
            ("bootstrapBrokersSaslIam", r => r.BootstrapBrokersSaslIam),
            ("clusterName", r => r.ClusterName),
            ("clusterUuid", r => r.ClusterUuid)),
        ["aws:msk/configuration:Configuration"] = Of<Aws.Msk.Configuration>(
            ("arn", r => r.Arn),
            ("latestRevision", r => Text(r.LatestRevision)),
            ("name", r => r.Name)),
        ["aws:appautoscaling/target:Target"] = Of<Aws.AppAutoScaling.Target>(
            ("resourceId", r => r.ResourceId),
            ("scalableDimension", r => r.ScalableDimension),
            ("serviceNamespace", r => r.ServiceNamespace)),
        ["aws:appautoscaling/policy:Policy"] = Of<Aws.AppAutoScaling.Policy>(
            ("arn", r => r.Arn),
            ("name", r => r.Name)),
        ["aws:kms/key:Key"] = Of<Aws.Kms.Key>(
            ("arn", r => r.Arn),
            ("keyId", r => r.KeyId)),
        ["aws:cloudwatch/logGroup:LogGroup"] = Of<Aws.CloudWatch.LogGroup>(
            ("arn", r => r.Arn),
            ("name", r => r.Name)),
        ["aws:iam/role:Role"] = Of<Aws.Iam.Role>(
            ("arn", r => r.Arn),
            ("name", r => r.Name)),
        ["aws:iam/policy:Policy"] = Of<Aws.Iam.Policy>(
            ("arn", r => r.Arn),
            ("name", r => r.Name)),
        ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = Of<Aws.Iam.RolePolicyAttachment>(),
        ["aws:mskconnect/connector:Connector"] = Of<Aws.MskConnect.Connector>(
            ("arn", r => r.Arn),
            ("version", r => r.Version)),
        ["aws:mskconnect/customPlugin:CustomPlugin"] = Of<Aws.MskConnect.CustomPlugin>(
            ("arn", r => r.Arn),
            ("latestRevision", r => Text(r.LatestRevision))),
        ["aws:mskconnect/workerConfiguration:WorkerConfiguration"] = Of<Aws.MskConnect.WorkerConfiguration>(
            ("arn", r => r.Arn),
            ("latestRevision", r => Text(r.LatestRevision))),
        ["pulumi:providers:kafka"] = Of<Pulumi.Kafka.Provider>(),
        ["kafka:index/topic:Topic"] = Of<Pulumi.Kafka.Topic>(
            ("name", r => r.Name)),
    };

    /// <summary>The getter for <paramref name="output"/> of a <paramref name="type"/>, or null with the known names.</summary>
    public static Func<Resource, Output<string>>? Find(string type, string output, out IReadOnlyCollection<string> known)
    {
        if (!ByType.TryGetValue(type, out var outputs))
        {
            known = [];
            return null;
        }

        known = outputs.Keys;
        return outputs.GetValueOrDefault(output);
    }

    private static Dictionary<string, Func<Resource, Output<string>>> Of<T>(params (string Name, Func<T, Output<string>> Get)[] outputs)
        where T : Resource =>
        outputs.ToDictionary(o => o.Name, o => (Func<Resource, Output<string>>)(r => o.Get((T)r)), StringComparer.Ordinal);

    private static Output<string> Text(Output<int> value) => value.Apply(v => v.ToString(CultureInfo.InvariantCulture));
}
