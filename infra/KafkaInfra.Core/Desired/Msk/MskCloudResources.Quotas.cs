using System.Globalization;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Cloud;

namespace KafkaInfra.Core.Desired.Msk;

/// <summary>
/// Broker quotas of <c>consumers[]</c>, <c>producers[]</c> and <c>users[]</c> on SCRAM and mutual-TLS clusters, as
/// Kafka user quotas through the stack's Kafka provider: MSK brokers enforce Kafka's own quotas, set with Kafka's quota
/// APIs on the principal's user name (MSK developer guide, "Managing throughput with Kafka quotas"; AWS Big Data blog,
/// "Multi-tenancy Apache Kafka clusters in Amazon MSK with IAM access control and Kafka quotas"). The deployer may set
/// them: AlterClientQuotas needs AlterConfigs and DescribeClientQuotas DescribeConfigs on the cluster (Apache Kafka,
/// "Operations and Resources on Protocols"), both in its ACLs (<see cref="KafkaAcls.Admin"/>). On IAM clusters the
/// user is the caller's STS session, <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role&gt;/&lt;session name&gt;</c>,
/// whose session name the client's credentials provider chooses (the SDK's default differs per session;
/// aws/aws-msk-iam-auth pull request 196), so kafka-infra has no stable principal to set a quota on: the planner warns
/// there and says how to set one.
/// </summary>
public static partial class MskCloudResources
{
    /// <summary>The Kafka quota keys of a client's quotas, in a fixed order, with their values (per broker).</summary>
    public static StringMap QuotaConfig(ClientQuotas quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        var entries = new List<KeyValuePair<string, string>>();
        void Put(string key, int? value)
        {
            if (value is { } v)
            {
                entries.Add(new(key, v.ToString(CultureInfo.InvariantCulture)));
            }
        }

        // Kafka's QuotaConfigs: producer_byte_rate, consumer_byte_rate, request_percentage.
        Put("producer_byte_rate", quotas.ProducerByteRate);
        Put("consumer_byte_rate", quotas.ConsumerByteRate);
        Put("request_percentage", quotas.RequestPercentage);
        return new StringMap(entries);
    }

    private sealed partial class Builder
    {
        /// <summary>One <c>kafka:index/quota:Quota</c> (entity type <c>user</c>) per principal that has quotas.</summary>
        private void AddQuotas()
        {
            if (!AuthorizesWithAcls(plan))
            {
                return;
            }

            var provider = ProviderResourceName(_c);
            var dependsOn = ScramPrincipals(plan).Count > 0 ? new[] { ClusterName, ScramAssociationName } : [ClusterName];
            foreach (var principal in Grants(plan))
            {
                if (principal.Quotas is { IsEmpty: false } quotas)
                {
                    // The user entity is the principal's name: the SCRAM user, or the certificate's distinguished name.
                    Add($"{_c}-quota-{principal.ResourceHandle}", new KafkaQuotaSpec(principal.Username, "user", QuotaConfig(quotas)), "topics",
                        new CloudResourceOptions(DependsOn: dependsOn, Provider: provider));
                }
            }
        }
    }
}
