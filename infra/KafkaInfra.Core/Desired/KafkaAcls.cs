using KafkaInfra.Core.Config;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired;

/// <summary>The Kafka resource an ACL protects (Kafka's <c>ResourceType</c>, as the Kafka provider spells them).</summary>
public enum AclResource
{
    Topic,
    Group,
    Cluster,
    TransactionalId,
}

/// <summary>How an ACL's resource name matches: exactly, or as a prefix.</summary>
public enum AclPattern
{
    Literal,
    Prefixed,
}

/// <summary>
/// One ACL grant: allow <paramref name="Operations"/> (Kafka operation names: Read, Write, Describe, Create, Delete,
/// Alter, DescribeConfigs, AlterConfigs, IdempotentWrite, All) on the resource named <paramref name="Name"/>
/// (<c>kafka-cluster</c> for <see cref="AclResource.Cluster"/>), from any host.
/// </summary>
public sealed record AclGrant(AclResource Resource, string Name, AclPattern Pattern, IReadOnlyList<string> Operations)
{
    /// <summary>The one name Kafka gives the cluster resource.</summary>
    public const string ClusterName = "kafka-cluster";

    public static AclGrant Topic(string name, params string[] operations) => new(AclResource.Topic, name, AclPattern.Literal, operations);

    public static AclGrant Group(string name, params string[] operations) => new(AclResource.Group, name, AclPattern.Literal, operations);

    public static AclGrant Cluster(params string[] operations) => new(AclResource.Cluster, ClusterName, AclPattern.Literal, operations);
}

/// <summary>
/// The grants of one principal: <paramref name="Client"/> says who it is for messages and resource names
/// (<c>consumer/apps/order-service</c>), <paramref name="Username"/> is the Kafka user (the SCRAM user name; the
/// principal is <c>User:&lt;Username&gt;</c>).
/// </summary>
public sealed record ClientGrants(string Client, string Username, IReadOnlyList<AclGrant> Grants)
{
    /// <summary>The Kafka principal, <c>User:&lt;name&gt;</c>.</summary>
    public string Principal => "User:" + Username;
}

/// <summary>
/// The least-privilege Kafka ACLs of every client of a plan, platform-neutral: the same rights the MSK IAM policies
/// give (docs/msk.md, "Least-privilege IAM"), in Kafka's ACL vocabulary. MSK SCRAM and mutual-TLS clusters authorize
/// with these (platform-facts.md 8.4). A new kind of client (producers, users) adds its grants in <see cref="For"/>.
/// </summary>
public static class KafkaAcls
{
    /// <summary>Every client's grants, in a stable order: consumers, ksqlDB groups, Connect groups.</summary>
    public static IReadOnlyList<ClientGrants> For(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Consumers.Select(Consumer), .. plan.KsqlDb.Select(KsqlDb), .. plan.Connect.Select(Connect)];
    }

    /// <summary>
    /// Read and Describe on its topic, Read on its group (joining and committing offsets). KEDA reads the lag with the
    /// consumer's own credentials on SCRAM, and needs only Describe on the topic and the group, which Read implies
    /// (platform-facts.md 8.1), so it has no principal of its own.
    /// </summary>
    public static ClientGrants Consumer(ConsumerPlan c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new($"consumer/{c.Config.Namespace}/{c.Name}", c.Name, [
            AclGrant.Topic(c.Topic, "Read", "Describe"),
            AclGrant.Group(c.Config.ConsumerGroup, "Read", "Describe"),
        ]);
    }

    /// <summary>
    /// The IAM ksqlDB policy in ACLs: its topics (read, write, describe and their configs), its internal topics and
    /// groups by the <c>_confluent-ksql-&lt;serviceId&gt;</c> prefix, the command topic's transactional id, and the
    /// cluster (describe, describe configs, idempotent write: Kafka Streams producers are idempotent).
    /// </summary>
    public static ClientGrants KsqlDb(KsqlDbGroupPlan g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var grants = new List<AclGrant> { AclGrant.Cluster("Describe", "DescribeConfigs", "IdempotentWrite") };
        grants.AddRange(g.Config.Topics.Distinct(StringComparer.Ordinal).Select(t => AclGrant.Topic(t, "Read", "Write", "Describe", "DescribeConfigs")));
        grants.Add(new AclGrant(AclResource.Topic, g.InternalTopicPrefix, AclPattern.Prefixed, ["Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write"]));
        grants.Add(new AclGrant(AclResource.Group, g.InternalTopicPrefix, AclPattern.Prefixed, ["Read", "Describe", "Delete"]));
        grants.Add(new AclGrant(AclResource.TransactionalId, g.ServiceId, AclPattern.Literal, ["Describe", "Write"]));
        return new($"ksqldb/{g.Name}", KafkaResources.KsqlDbUser(g.Name), grants);
    }

    /// <summary>
    /// A Connect group: its internal topics, sink topics (read) and source topics (write, create), sink groups, and
    /// idempotent write when it has a source. On MSK, Connect runs only on IAM clusters (MSK Connect has no SCRAM or
    /// mTLS), so these grants apply where a Connect group authenticates with a Kafka user.
    /// </summary>
    public static ClientGrants Connect(ConnectGroupPlan g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var grants = new List<AclGrant>();
        if (g.Connectors.Any(c => c.Config.Kind == ConnectorKind.Source))
        {
            grants.Add(AclGrant.Cluster("IdempotentWrite"));
        }

        foreach (var internalTopic in new[] { g.ConfigStorageTopic, g.OffsetStorageTopic, g.StatusStorageTopic })
        {
            grants.Add(AclGrant.Topic(internalTopic, "Create", "Describe", "DescribeConfigs", "Read", "Write"));
        }

        grants.Add(AclGrant.Group(g.GroupId, "Read", "Describe"));
        foreach (var c in g.Connectors)
        {
            foreach (var topic in c.Config.Topics.Distinct(StringComparer.Ordinal))
            {
                grants.Add(c.Config.Kind == ConnectorKind.Sink ? AclGrant.Topic(topic, "Read", "Describe") : AclGrant.Topic(topic, "Create", "Describe", "Write"));
            }

            if (c.Config.Kind == ConnectorKind.Sink)
            {
                grants.Add(AclGrant.Group(c.ConsumerGroup, "Read", "Describe"));
            }
        }

        return new($"connect/{g.Name}", KafkaResources.ConnectUser(g.Name), grants);
    }

    /// <summary>
    /// The deployer's own user (the Kafka provider's): MSK supports no <c>super.users</c>, so once
    /// <c>allow.everyone.if.no.acl.found=false</c> it needs ACLs to manage topics and ACLs. All on every topic;
    /// Alter (ACLs), Create, Describe, DescribeConfigs and AlterConfigs on the cluster; never ClusterAction, which the
    /// brokers use among themselves (AWS re:Post, "how to create a super user on MSK").
    /// </summary>
    public static ClientGrants Admin(string username) => new("the deployer (Kafka provider)", username, [
        AclGrant.Topic("*", "All"),
        AclGrant.Group("*", "Describe"),
        AclGrant.Cluster("Alter", "AlterConfigs", "Create", "Describe", "DescribeConfigs"),
    ]);
}
