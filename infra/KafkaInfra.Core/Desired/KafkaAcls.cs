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
/// (<c>kafka-cluster</c> for <see cref="AclResource.Cluster"/>), from <paramref name="Host"/> (<c>*</c>: any host; only
/// <c>users[].acls[].host</c> sets another).
/// </summary>
public sealed record AclGrant(AclResource Resource, string Name, AclPattern Pattern, IReadOnlyList<string> Operations, string Host = AclGrant.AnyHost)
{
    /// <summary>The host of a grant that applies from anywhere.</summary>
    public const string AnyHost = "*";

    /// <summary>The one name Kafka gives the cluster resource.</summary>
    public const string ClusterName = "kafka-cluster";

    public static AclGrant Topic(string name, params string[] operations) => new(AclResource.Topic, name, AclPattern.Literal, operations);

    public static AclGrant Group(string name, params string[] operations) => new(AclResource.Group, name, AclPattern.Literal, operations);

    public static AclGrant Cluster(params string[] operations) => new(AclResource.Cluster, ClusterName, AclPattern.Literal, operations);
}

/// <summary>
/// The grants of one principal: <paramref name="Client"/> says who it is for messages (<c>consumer/apps/order-service</c>),
/// <paramref name="Username"/> is the Kafka user (the SCRAM user name, or a client certificate's distinguished name;
/// the principal is <c>User:&lt;Username&gt;</c>), <paramref name="Quotas"/> its broker quotas, if any, and
/// <paramref name="Handle"/> the part of resource names that stands for it (the SCRAM-style user name even when the
/// principal is a distinguished name, which is no fit for a resource name). <paramref name="Key"/> is the config key
/// that declared it, for messages.
/// </summary>
public sealed record ClientGrants(string Client, string Username, IReadOnlyList<AclGrant> Grants, ClientQuotas? Quotas = null, string? Handle = null, string? Key = null)
{
    /// <summary>The Kafka principal, <c>User:&lt;name&gt;</c>.</summary>
    public string Principal => "User:" + Username;

    /// <summary>The name that stands for the principal in resource names.</summary>
    public string ResourceHandle => Handle ?? Username;
}

/// <summary>
/// The least-privilege Kafka ACLs of every client of a plan, platform-neutral: the same rights the MSK IAM policies
/// give (docs/msk.md, "Least-privilege IAM"), in Kafka's ACL vocabulary. MSK SCRAM and mutual-TLS clusters authorize
/// with these (platform-facts.md 8.4). A new kind of client adds its grants in <see cref="For"/>.
/// </summary>
public static class KafkaAcls
{
    /// <summary>Every client's grants, in a stable order: consumers, producers, users, ksqlDB groups, Connect groups.</summary>
    public static IReadOnlyList<ClientGrants> For(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return
        [
            .. plan.Consumers.Select(Consumer), .. plan.Config.Producers.Select(Producer), .. plan.Config.Users.Select(User),
            .. plan.KsqlDb.Select(KsqlDb), .. plan.Connect.Select(Connect),
        ];
    }

    /// <summary>
    /// Read and Describe on its topics, Read on its group (joining and committing offsets). KEDA reads the lag with the
    /// consumer's own credentials on SCRAM, and needs only Describe on the topic and the group, which Read implies
    /// (platform-facts.md 8.1), so it has no principal of its own. Its user is <c>&lt;namespace&gt;-&lt;name&gt;</c>
    /// (<see cref="KafkaResources.ConsumerUser"/>, as its Strimzi KafkaUser), so two namespaces may both run a consumer
    /// of the same name.
    /// </summary>
    public static ClientGrants Consumer(ConsumerPlan c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var grants = c.Config.Topics.Distinct(StringComparer.Ordinal).Select(t => AclGrant.Topic(t, "Read", "Describe")).ToList();
        grants.Add(AclGrant.Group(c.Config.ConsumerGroup, "Read", "Describe"));
        return new($"consumer/{c.Config.Namespace}/{c.Name}", KafkaResources.ConsumerUser(c.Config), grants, c.Config.Quotas, Key: c.Config.Path);
    }

    /// <summary>
    /// The IAM producer policy in ACLs, as its Strimzi KafkaUser gets it: Write + Describe on its topics; IdempotentWrite
    /// on the cluster (Kafka producers are idempotent by default since 3.0, and the broker refuses InitProducerId
    /// without it; Apache Kafka, "Operations and Resources on Protocols"); Write + Describe on transactional ids with its
    /// prefix when it has one. Its user is <c>&lt;namespace&gt;-&lt;name&gt;-producer</c>, or the distinguished name of
    /// <c>producers[].principal</c> on an mTLS cluster.
    /// </summary>
    public static ClientGrants Producer(ProducerConfig p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var grants = p.Topics.Distinct(StringComparer.Ordinal).Select(t => AclGrant.Topic(t, "Write", "Describe")).ToList();
        grants.Add(AclGrant.Cluster("IdempotentWrite"));
        if (p.TransactionalIdPrefix is { } prefix)
        {
            grants.Add(new AclGrant(AclResource.TransactionalId, prefix, AclPattern.Prefixed, ["Write", "Describe"]));
        }

        var user = KafkaResources.ProducerUser(p);
        return new($"producer/{p.Namespace}/{p.Name}", DistinguishedName(p.Principal) ?? user, grants, p.Quotas, user, p.Path);
    }

    /// <summary>
    /// A <c>users[]</c> principal: exactly its declared rules, in order (a rule with several operations is one grant).
    /// Its user is its name, or the distinguished name of <c>users[].principal</c> for a tls user on an mTLS cluster.
    /// </summary>
    public static ClientGrants User(UserConfig u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var grants = u.Acls.Select(a => new AclGrant(
            a.Resource.Type switch
            {
                "topic" => AclResource.Topic,
                "group" => AclResource.Group,
                "cluster" => AclResource.Cluster,
                "transactionalId" => AclResource.TransactionalId,
                var other => throw new ArgumentException($"{u.Path}: unknown ACL resource type {other} (the loader refuses it)", nameof(u)),
            },
            a.Resource.Type == "cluster" ? AclGrant.ClusterName : a.Resource.Name ?? "",
            a.Resource.PatternType == "prefix" ? AclPattern.Prefixed : AclPattern.Literal,
            a.Operations,
            a.Host)).ToList();
        return new($"user/{u.Name}", DistinguishedName(u.Principal) ?? u.Name, grants, u.Quotas, u.Name, u.Path);
    }

    /// <summary><c>User:CN=x,O=y</c> → <c>CN=x,O=y</c>; null stays null.</summary>
    private static string? DistinguishedName(string? principal) => principal?["User:".Length..];

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
        return new($"ksqldb/{g.Name}", KafkaResources.KsqlDbUser(g.Name), grants, Key: g.Config.Path);
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

        return new($"connect/{g.Name}", KafkaResources.ConnectUser(g.Name), grants, Key: g.Config.Path);
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
