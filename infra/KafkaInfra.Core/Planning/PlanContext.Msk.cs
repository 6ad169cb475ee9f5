using System.Globalization;
using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>MSK rules on access and storage that AWS enforces (issue 13; platform-facts.md 8.4).</summary>
internal sealed partial class PlanContext
{
    private void CheckMskAccess(MskConfig msk)
    {
        if (!msk.Serverless && Platform is MskPlatform platform)
        {
            // A tls client must present a client certificate (platform-facts.md 8.4): KEDA's kafka trigger would need
            // cert/key/ca in its TriggerAuthentication and ksqlDB a keystore, which kafka-infra does not render.
            const string Forward = "kafka-infra renders no client certificates for them. Use authentication: scram (KEDA and ksqlDB then sign in with SCRAM users and Kafka ACLs) or iam, or run this workload outside kafka-infra with its own certificate";
            foreach (var c in config.Consumers.Where(c => platform.MechanismOf(c.Authentication) == MskAuthentication.Tls))
            {
                Error(c.Path, $"cannot run on an MSK cluster with authentication: tls (its own authentication, or the first of cluster.msk.authentication): MSK requires a client certificate from KEDA's lag trigger and the consumer; {Forward}");
            }

            foreach (var g in config.KsqlDb.Where(g => platform.MechanismOf(g.Authentication) == MskAuthentication.Tls))
            {
                Error(g.Path, $"cannot run on an MSK cluster with authentication: tls (its own authentication, or the first of cluster.msk.authentication): MSK requires a client certificate, and ksqlDB would need a keystore; {Forward}");
            }
        }

        // With IAM enabled the deployer signs in with IAM, which ACLs and allow.everyone.if.no.acl.found never govern:
        // the setting goes off in the first run (MskCloudResources.DeniesWithoutAcl).
        if (Platform is MskPlatform { AuthorizesWithAcls: true, DeployerMechanism: not MskAuthentication.Iam } && !msk.Serverless && !deployed.KafkaAclsDeclared)
        {
            Warn($"{ClusterPath}.msk.authentication", "authorizes with Kafka ACLs: this deploy declares them (the deployer's own included) and keeps MSK's default allow.everyone.if.no.acl.found=true, because MSK has no super.users and the Kafka provider could not create any ACL once it is off. The next `pulumi up` turns it off (the MSK configuration gets allow.everyone.if.no.acl.found=false); until then every authenticated principal may use resources that have no ACL");
        }

        if (msk.ProvisionedThroughputMiBps is { } throughput && MskInstanceTypes.Find(msk.InstanceType) is { IsExpress: false } type)
        {
            if (type.MaxStorageThroughputMiBps is not { } max)
            {
                Error($"{ClusterPath}.msk.provisionedThroughputMiBps", $"cannot be set on {type.Name}: MSK provisions storage throughput only from kafka.m5.4xlarge or kafka.m7g.2xlarge up (MSK developer guide, \"Manage storage throughput for Standard brokers\"); got {throughput}. Remove it or choose a larger instanceType");
            }
            else if (throughput > max)
            {
                Error($"{ClusterPath}.msk.provisionedThroughputMiBps", string.Create(CultureInfo.InvariantCulture, $"must be at most {max} MiB/s on {type.Name} (AWS's maximum for that size); got {throughput}"));
            }
        }

        foreach (var g in config.Connect.Where(g => g.AwsRoleArn is null && (g.PolicyStatements ?? []).Count == 0))
        {
            foreach (var c in g.Connectors.Where(c => CallsAws(c.Class)))
            {
                Warn($"{g.Path}.policyStatements", $"is empty, and connector {Describe.Quote(c.Name)} ({c.Class}) calls AWS with the group's execution role, which kafka-infra grants only Kafka access: add the statements it needs (e.g. s3:PutObject on the bucket for an S3 sink) or set {g.Path}.awsRoleArn");
            }
        }

        if (msk.Serverless && config.TopicDefaults.MinInsyncReplicas != Defaults.MinInsyncReplicas)
        {
            Warn($"{TopicDefaultsPath}.minInsyncReplicas", $"is ignored on MSK Serverless (a topic there cannot set min.insync.replicas; AWS manages it); got {config.TopicDefaults.MinInsyncReplicas}");
        }
    }

    /// <summary>AWS services connectors commonly call, matched in the connector class (S3, Kinesis, DynamoDB, ...).</summary>
    private static readonly string[] AwsServiceMarkers = [".s3.", "s3sink", "s3source", "kinesis", "dynamodb", "sqs", "lambda", "cloudwatch", "firehose", "opensearch", "redshift", "eventbridge", "sns"];

    /// <summary>True when a connector class calls AWS services: an AWS package, or a class named after an AWS service.</summary>
    internal static bool CallsAws(string connectorClass) =>
        connectorClass.StartsWith("com.amazonaws.", StringComparison.Ordinal)
        || connectorClass.StartsWith("com.amazon.", StringComparison.Ordinal)
        || AwsServiceMarkers.Any(m => connectorClass.Contains(m, StringComparison.OrdinalIgnoreCase));
}
