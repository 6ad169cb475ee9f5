using KafkaInfra.Core.Desired.Cloud;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>Least-privilege IAM for <c>kafka-infra:producers</c> on MSK IAM clusters, built like the consumers' policies.</summary>
public static partial class MskCloudResources
{
    /// <summary>
    /// IAM actions of a producer on its topics: describe them (metadata) and write (MSK developer guide, "IAM access
    /// control: actions"; platform-facts 8.4).
    /// </summary>
    public static IReadOnlyList<string> ProducerTopicActions { get; } = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"];

    /// <summary>IAM actions on a producer's transactional ids (only when it names a <c>transactionalIdPrefix</c>).</summary>
    public static IReadOnlyList<string> TransactionalIdActions { get; } = ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"];

    private sealed partial class Builder
    {
        /// <summary>
        /// One policy per producer: connect and describe the cluster plus <see cref="WriteDataIdempotently"/> (Kafka
        /// producers are idempotent by default since 3.0), DescribeTopic + WriteData on its topics, and its transactional
        /// ids when it has a prefix. Attached to <c>producers[].awsRoleArn</c>, or to a role created for EKS Pod Identity.
        /// </summary>
        private void AddProducerAccess()
        {
            foreach (var p in plan.Config.Producers.Where(p => UsesIam(p.Authentication)))
            {
                var document = Document(
                    Statement("Cluster", [.. ClusterActions, WriteDataIdempotently], [ClusterArn]),
                    Statement("WriteTopics", ProducerTopicActions, p.Topics.Distinct(StringComparer.Ordinal).Select(TopicArn)),
                    p.TransactionalIdPrefix is { } prefix
                        ? Statement("TransactionalIds", TransactionalIdActions, [new Text.Ref(ClusterArnRef, new MskArnOf(MskArnResource.TransactionalId, prefix + "*"))])
                        : null);
                AddAccess($"{_c}-producer-{p.Namespace}.{p.Name}", "topics", $"producer {p.Namespace}/{p.Name}", document, p.AwsRoleArn,
                    TrustPolicy(PodIdentityPrincipal, "sts:AssumeRole", "sts:TagSession"));
            }
        }
    }
}
