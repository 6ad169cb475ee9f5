using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>Topics and the KafkaUsers of every client, each with least-privilege ACLs.</summary>
internal sealed partial class StrimziRenderer
{
    public IEnumerable<KubernetesObject> Topics()
    {
        foreach (var t in _plan.Topics)
        {
            var name = KafkaResources.KafkaTopic(t.Name);
            var config = new Tree();
            foreach (var (k, v) in t.KafkaConfig.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                config[k] = v;
            }

            var spec = new Tree
            {
                ["topicName"] = name == t.Name ? null : t.Name,
                ["partitions"] = t.Partitions,
                ["replicas"] = t.ReplicationFactor,
                ["config"] = config,
            };
            yield return new KubernetesObject(KafkaResources.StrimziApiVersion, "KafkaTopic", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
                new Tree { ["spec"] = spec }, "topics", ObjectStage.TopicsAndUsers);
        }
    }

    private static string ConsumerKey(ConsumerConfig c) => $"consumer/{c.Namespace}/{c.Name}";

    private static string ConnectKey(ConnectGroupConfig g) => $"connect/{g.Name}";

    private static string KsqlKey(KsqlDbGroupConfig g) => $"ksqldb/{g.Name}";

    private static string ProducerKey(ProducerConfig p) => $"producer/{p.Namespace}/{p.Name}";

    private const string KedaKey = "keda";

    private const string KedaTlsKey = "keda-tls";

    private const string ScramSha512 = "scram-sha-512";

    /// <summary>KafkaUser names: <c>&lt;ns&gt;-&lt;consumer&gt;</c>, <c>connect-&lt;group&gt;</c>, <c>ksqldb-&lt;group&gt;</c>; a hash suffix makes a rare clash unique.</summary>
    private void AssignUserNames()
    {
        var wanted = new List<(string Key, string Name)>();
        wanted.AddRange(_plan.Consumers.Select(c => (ConsumerKey(c.Config), KafkaResources.ConsumerUser(c.Config))));
        wanted.AddRange(_plan.Connect.Select(g => (ConnectKey(g.Config), KafkaResources.ConnectUser(g.Name))));
        wanted.AddRange(_plan.KsqlDb.Select(g => (KsqlKey(g.Config), KafkaResources.KsqlDbUser(g.Name))));
        wanted.AddRange(_plan.Config.Producers.Select(p => (ProducerKey(p), KafkaResources.ProducerUser(p))));
        wanted.Add((KedaKey, KafkaResources.KedaUser(_cluster)));
        wanted.Add((KedaTlsKey, KafkaResources.KedaTlsUser(_cluster)));
        foreach (var (key, name) in KafkaResources.UniqueNames(wanted))
        {
            _userNames[key] = name;
        }
    }

    private static Tree Acl(string type, string? name, string patternType, params string[] operations) => new()
    {
        ["resource"] = new Tree { ["type"] = type, ["name"] = name, ["patternType"] = name is null ? null : patternType },
        ["operations"] = Tree.ListOf(operations),
        ["host"] = "*",
    };

    /// <summary>The <c>authentication.type</c> of the KafkaUser of a client on <paramref name="listener"/>: the listener's kind (the loader refused <c>none</c>).</summary>
    private string LoginOf(string? listener) => Access(listener).KafkaUserAuthentication ?? ScramSha512;

    private KubernetesObject User(string name, IReadOnlyList<object> acls, string component, ClientQuotas? quotas = null, string authentication = ScramSha512) =>
        new(KafkaResources.StrimziApiVersion, "KafkaUser", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
            new Tree
            {
                ["spec"] = new Tree
                {
                    ["authentication"] = new Tree { ["type"] = authentication },
                    ["authorization"] = new Tree { ["type"] = "simple", ["acls"] = acls },
                    ["quotas"] = Quotas(quotas),
                },
            },
            component, ObjectStage.TopicsAndUsers);

    public IEnumerable<KubernetesObject> Users()
    {
        foreach (var c in _plan.Consumers)
        {
            // Least privilege: read its topics, join its one group.
            var acls = c.Config.Topics.Select(t => (object)Acl("topic", t, "literal", "Read", "Describe"))
                .Append(Acl("group", c.Config.ConsumerGroup, "literal", "Read"))
                .ToArray();
            yield return User(_userNames[ConsumerKey(c.Config)], acls, "topics", c.Config.Quotas, LoginOf(c.Config.Listener));
        }

        foreach (var g in _plan.Connect)
        {
            var acls = new List<object>();
            foreach (var internalTopic in new[] { g.ConfigStorageTopic, g.OffsetStorageTopic, g.StatusStorageTopic })
            {
                acls.Add(Acl("topic", internalTopic, "literal", "Read", "Write", "Describe", "Create", "DescribeConfigs"));
            }

            acls.Add(Acl("group", g.GroupId, "literal", "Read"));
            foreach (var c in g.Connectors)
            {
                foreach (var topic in c.Config.Topics)
                {
                    acls.Add(c.Config.Kind == ConnectorKind.Sink
                        ? Acl("topic", topic, "literal", "Read", "Describe")
                        : Acl("topic", topic, "literal", "Write", "Describe"));
                }

                if (c.Config.Kind == ConnectorKind.Sink)
                {
                    acls.Add(Acl("group", c.ConsumerGroup, "literal", "Read"));
                }
            }

            yield return User(_userNames[ConnectKey(g.Config)], acls, $"connect/{g.Name}", authentication: LoginOf(g.Config.Listener));
        }

        foreach (var g in _plan.KsqlDb)
        {
            var acls = new List<object>
            {
                // Internal, command, changelog and repartition topics and the persistent queries' groups.
                Acl("topic", g.InternalTopicPrefix, "prefix", "All"),
                Acl("group", g.InternalTopicPrefix, "prefix", "All"),
                // The command topic's producer is transactional with transactional.id = the service id.
                Acl("transactionalId", g.ServiceId, "literal", "Describe", "Write"),
                Acl("cluster", null, "literal", "Describe", "DescribeConfigs"),
            };
            foreach (var topic in g.Config.Topics)
            {
                acls.Add(Acl("topic", topic, "literal", "Read", "Write", "Describe"));
            }

            yield return User(_userNames[KsqlKey(g.Config)], acls, $"ksqldb/{g.Name}", authentication: LoginOf(g.Config.Listener));
        }

        foreach (var user in ClientUsers())
        {
            yield return user;
        }
    }
}
