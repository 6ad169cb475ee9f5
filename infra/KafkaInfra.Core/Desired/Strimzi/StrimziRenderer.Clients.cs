using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>
/// Producers, <c>users[]</c> and KEDA's describe-only identity as KafkaUsers, and the Strimzi Access Operator's
/// <c>KafkaAccess</c> objects that put each client's binding Secret in its own namespace (no Secret copier needed).
/// </summary>
internal sealed partial class StrimziRenderer
{
    /// <summary>The API version of the Strimzi Access Operator 0.3.0's KafkaAccess (<c>040-Crd-kafkaaccess.yaml</c>).</summary>
    public const string AccessApiVersion = "access.strimzi.io/v1alpha1";

    /// <summary>True when some KEDA trigger reads lag: a consumer, or a Connect group KEDA scales.</summary>
    private bool HasKedaTriggers => _plan.Consumers.Count > 0 || _plan.Connect.Any(g => g.Autoscaled);

    private IEnumerable<KubernetesObject> ClientUsers()
    {
        foreach (var p in _plan.Config.Producers)
        {
            // Least privilege for a producer: Write + Describe on its topics; IdempotentWrite on the cluster because
            // Kafka clients are idempotent by default since 3.0 (enable.idempotence=true) and the broker refuses an
            // InitProducerId without it; transactional ids only when the producer says it is transactional.
            var acls = new List<object>();
            foreach (var topic in p.Topics.Distinct(StringComparer.Ordinal))
            {
                acls.Add(Acl("topic", topic, "literal", "Write", "Describe"));
            }

            acls.Add(Acl("cluster", null, "literal", "IdempotentWrite"));
            if (p.TransactionalIdPrefix is { } prefix)
            {
                acls.Add(Acl("transactionalId", prefix, "prefix", "Write", "Describe"));
            }

            yield return User(_userNames[ProducerKey(p)], acls, "topics", p.Quotas);
        }

        foreach (var u in _plan.Config.Users)
        {
            var acls = u.Acls.Select(a => (object)new Tree
            {
                ["resource"] = new Tree { ["type"] = a.Resource.Type, ["name"] = a.Resource.Name, ["patternType"] = a.Resource.Name is null ? null : a.Resource.PatternType },
                ["operations"] = Tree.ListOf(a.Operations),
                ["host"] = a.Host,
            }).ToList();
            yield return User(u.Name, acls, "topics", u.Quotas, u.Authentication == UserAuthentication.Tls ? "tls" : ScramSha512);
        }

        if (HasKedaTriggers)
        {
            yield return User(_userNames[KedaKey], KedaAcls(), "topics");
        }
    }

    /// <summary>
    /// KEDA's kafka scaler only describes topics (Metadata, ListOffsets) and fetches a group's committed offsets
    /// (OffsetFetch): Describe on each topic and group a trigger names is all it needs (keda v2.20 pkg/scalers/kafka_scaler.go
    /// getTopicPartitions, getConsumerOffsets, getProducerOffsets; platform-facts 8.1). It never reads data or joins a group.
    /// </summary>
    private List<object> KedaAcls()
    {
        var topics = new List<string>();
        var groups = new List<string>();
        foreach (var c in _plan.Consumers)
        {
            topics.AddRange(c.Config.Topics); // several topics: the trigger names none, and KEDA sees the offsets of those it may Describe
            groups.Add(c.Config.ConsumerGroup);
        }

        foreach (var g in _plan.Connect.Where(g => g.Autoscaled))
        {
            foreach (var c in g.Connectors.Where(c => c.Config.Kind == ConnectorKind.Sink))
            {
                topics.AddRange(c.Config.Topics);
                groups.Add(c.ConsumerGroup);
            }
        }

        var acls = new List<object>();
        acls.AddRange(topics.Distinct(StringComparer.Ordinal).Select(t => Acl("topic", t, "literal", "Describe")));
        acls.AddRange(groups.Distinct(StringComparer.Ordinal).Select(g => Acl("group", g, "literal", "Describe")));
        return acls;
    }

    /// <summary><c>KafkaUser.spec.quotas</c> (field names from <c>044-Crd-kafkauser.yaml</c>); null when none is set.</summary>
    private static Tree? Quotas(ClientQuotas? quotas) => quotas is null || quotas.IsEmpty
        ? null
        : new Tree
        {
            ["producerByteRate"] = quotas.ProducerByteRate,
            ["consumerByteRate"] = quotas.ConsumerByteRate,
            ["requestPercentage"] = quotas.RequestPercentage,
        };

    /// <summary>
    /// One KafkaAccess per consumer and producer, in its namespace, and KEDA's in KEDA's namespace. The Access Operator
    /// writes a binding Secret named after the KafkaAccess there, with <c>bootstrap.servers</c>, <c>security.protocol</c>,
    /// <c>username</c>, <c>password</c>, <c>sasl.jaas.config</c>, <c>sasl.mechanism</c> and <c>ssl.truststore.crt</c>
    /// (kafka-access-operator 0.3.0 SecretDependentResource, KafkaListener, KafkaUserData).
    /// </summary>
    public IEnumerable<KubernetesObject> Bindings()
    {
        foreach (var c in _plan.Consumers)
        {
            yield return Binding(KafkaResources.ConsumerBinding(c.Name), c.Config.Namespace, _userNames[ConsumerKey(c.Config)], c.Name, c.Config.Listener);
        }

        foreach (var p in _plan.Config.Producers)
        {
            yield return Binding(KafkaResources.ProducerBinding(p.Name), p.Namespace, _userNames[ProducerKey(p)], p.Name, null);
        }

        if (HasKedaTriggers)
        {
            yield return Binding(KafkaResources.KedaBinding(_cluster), _strimzi.KedaNamespace, _userNames[KedaKey], "keda", null);
        }
    }

    /// <summary>
    /// A KafkaAccess naming the listener explicitly: without <c>spec.kafka.listener</c> the operator picks the
    /// alphabetically first compatible internal listener (0.3.0 KafkaParser.pickListener), which is the unencrypted
    /// <c>plain</c> one whenever <c>plainListener</c> is on. The user is in the Kafka namespace, where the User Operator
    /// writes its Secret.
    /// </summary>
    private KubernetesObject Binding(string name, string ns, string user, string app, string? listener) =>
        new(AccessApiVersion, "KafkaAccess", name, ns, KubeObjects.Labels(app, _cluster), KubeObjects.None,
            new Tree
            {
                ["spec"] = new Tree
                {
                    ["kafka"] = new Tree { ["name"] = _cluster, ["namespace"] = _ns, ["listener"] = Access(listener).ListenerName },
                    ["user"] = new Tree { ["kind"] = "KafkaUser", ["apiGroup"] = "kafka.strimzi.io", ["name"] = user, ["namespace"] = _ns },
                },
            },
            "topics", ObjectStage.TopicsAndUsers);

    /// <summary>
    /// The ClusterTriggerAuthentication every KEDA trigger of this cluster refers to: it reads KEDA's binding Secret in
    /// KEDA's cluster-object namespace (the only namespace a ClusterTriggerAuthentication reads; platform-facts 8.1).
    /// </summary>
    private KubernetesObject KedaClusterAuthentication()
    {
        var secret = KafkaResources.KedaBinding(_cluster);
        Tree Ref(string parameter, string key) => new() { ["parameter"] = parameter, ["name"] = secret, ["key"] = key };
        return new KubernetesObject(KedaRenderer.ApiVersion, "ClusterTriggerAuthentication", KafkaResources.KedaClusterTriggerAuthentication(_cluster), null,
            KubeObjects.Labels("keda", _cluster), KubeObjects.None,
            new Tree
            {
                ["spec"] = new Tree
                {
                    ["secretTargetRef"] = Tree.List(
                        Ref("username", KafkaResources.BindingKeys.Username),
                        Ref("password", KafkaResources.BindingKeys.Password),
                        Ref("ca", KafkaResources.BindingKeys.TruststoreCrt)),
                },
            },
            "topics", ObjectStage.Autoscaling);
    }
}
