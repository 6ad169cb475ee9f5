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

    /// <summary>One KEDA trigger as KEDA's identity sees it: the listener it reads through, the topics and the group it describes.</summary>
    private sealed record KedaTrigger(string? Listener, IReadOnlyList<string> Topics, string Group);

    /// <summary>
    /// One describe-only identity of KEDA: a KafkaUser that logs in the way its triggers' listeners ask (SCRAM-SHA-512 or
    /// a client certificate), its KafkaAccess in KEDA's namespace and the ClusterTriggerAuthentication reading it.
    /// </summary>
    private sealed record KedaIdentity(string Key, string Authentication, string Binding, string ClusterAuthentication, string? Listener, IReadOnlyList<KedaTrigger> Triggers);

    private IEnumerable<KedaTrigger> KedaTriggers()
    {
        foreach (var c in _plan.Consumers)
        {
            yield return new(c.Config.Listener, c.Config.Topics, c.Config.ConsumerGroup); // several topics: the trigger names none, and KEDA sees the offsets of those it may Describe
        }

        foreach (var g in _plan.Connect.Where(g => g.Autoscaled))
        {
            foreach (var c in g.Connectors.Where(c => c.Config.Kind == ConnectorKind.Sink))
            {
                yield return new(g.Config.Listener, c.Config.Topics, c.ConsumerGroup);
            }
        }
    }

    /// <summary>
    /// KEDA's identities, one per login its triggers need: <c>&lt;cluster&gt;-keda</c> for SCRAM listeners,
    /// <c>&lt;cluster&gt;-keda-tls</c> for <c>authentication: tls</c> ones. Each binding names a listener its triggers
    /// use, a TLS one when there is one, so that the binding carries the cluster CA (<c>ssl.truststore.crt</c>).
    /// </summary>
    private List<KedaIdentity> KedaIdentities()
    {
        var identities = new List<KedaIdentity>();
        foreach (var group in KedaTriggers().GroupBy(t => Access(t.Listener).KafkaUserAuthentication ?? ScramSha512).OrderBy(g => g.Key == ScramSha512 ? 0 : 1))
        {
            var triggers = group.ToList();
            var listener = triggers.Select(t => _strimzi.ClientListener(t.Listener)!).OrderBy(l => l.Tls ? 0 : 1).First();
            identities.Add(group.Key == ScramSha512
                ? new KedaIdentity(KedaKey, ScramSha512, KafkaResources.KedaBinding(_cluster), KafkaResources.KedaClusterTriggerAuthentication(_cluster), listener.Name, triggers)
                : new KedaIdentity(KedaTlsKey, group.Key, KafkaResources.KedaTlsBinding(_cluster), KafkaResources.KedaTlsClusterTriggerAuthentication(_cluster), listener.Name, triggers));
        }

        return identities;
    }

    /// <summary>The ClusterTriggerAuthentication of the identity a trigger on <paramref name="listener"/> logs in as.</summary>
    private string KedaAuthenticationFor(string? listener) => Access(listener).UsesCertificate
        ? KafkaResources.KedaTlsClusterTriggerAuthentication(_cluster)
        : KafkaResources.KedaClusterTriggerAuthentication(_cluster);

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

            yield return User(_userNames[ProducerKey(p)], acls, "topics", p.Quotas, LoginOf(p.Listener));
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

        foreach (var k in KedaIdentities())
        {
            yield return User(_userNames[k.Key], KedaAcls(k.Triggers), "topics", authentication: k.Authentication);
        }
    }

    /// <summary>
    /// KEDA's kafka scaler only describes topics (Metadata, ListOffsets) and fetches a group's committed offsets
    /// (OffsetFetch): Describe on each topic and group a trigger names is all it needs (keda v2.20 pkg/scalers/kafka_scaler.go
    /// getTopicPartitions, getConsumerOffsets, getProducerOffsets; platform-facts 8.1). It never reads data or joins a group.
    /// </summary>
    private static List<object> KedaAcls(IReadOnlyList<KedaTrigger> triggers)
    {
        var topics = triggers.SelectMany(t => t.Topics).ToList();
        var groups = triggers.Select(t => t.Group).ToList();
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
    /// One KafkaAccess per consumer and producer, in its namespace, per <c>users[]</c> entry with a <c>namespace</c>,
    /// and KEDA's in KEDA's namespace. The Access Operator writes a binding Secret named after the KafkaAccess there, with
    /// <c>bootstrap.servers</c>, <c>security.protocol</c>, <c>ssl.truststore.crt</c> (TLS listeners) and, for a SCRAM user,
    /// <c>username</c>, <c>password</c>, <c>sasl.jaas.config</c>, <c>sasl.mechanism</c>; for a TLS user,
    /// <c>ssl.keystore.crt</c> and <c>ssl.keystore.key</c> from its <c>user.crt</c> / <c>user.key</c>
    /// (kafka-access-operator 0.3.0 SecretDependentResource, KafkaListener, KafkaUserData.getConnectionSecretData).
    /// </summary>
    public IEnumerable<KubernetesObject> Bindings()
    {
        foreach (var c in _plan.Consumers)
        {
            yield return Binding(KafkaResources.ConsumerBinding(c.Name), c.Config.Namespace, _userNames[ConsumerKey(c.Config)], c.Name, c.Config.Listener);
        }

        foreach (var p in _plan.Config.Producers)
        {
            yield return Binding(KafkaResources.ProducerBinding(p.Name), p.Namespace, _userNames[ProducerKey(p)], p.Name, p.Listener);
        }

        foreach (var u in _plan.Config.Users)
        {
            if (u.Namespace is { } ns)
            {
                // The loader checked that this listener exists and takes the user's authentication.
                var listener = _strimzi.UserListener(u.Listener, u.Authentication)!;
                yield return Binding(KafkaResources.UserBinding(u.Name), ns, u.Name, u.Name, listener.Name);
            }
        }

        foreach (var k in KedaIdentities())
        {
            yield return Binding(k.Binding, _strimzi.KedaNamespace, _userNames[k.Key], "keda", k.Listener);
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
    /// The ClusterTriggerAuthentication of one KEDA identity: it reads the identity's binding Secret in KEDA's
    /// cluster-object namespace (the only namespace a ClusterTriggerAuthentication reads; platform-facts 8.1). SCRAM:
    /// <c>username</c>, <c>password</c>, <c>ca</c>; mutual TLS: <c>cert</c> and <c>key</c> (KEDA wants both) and <c>ca</c>
    /// (keda pkg/scalers/kafka_scaler.go authParams ca, cert, key).
    /// </summary>
    private KubernetesObject KedaClusterAuthentication(KedaIdentity identity)
    {
        var secret = identity.Binding;
        Tree Ref(string parameter, string key) => new() { ["parameter"] = parameter, ["name"] = secret, ["key"] = key };
        var refs = identity.Authentication == ScramSha512
            ? Tree.List(
                Ref("username", KafkaResources.BindingKeys.Username),
                Ref("password", KafkaResources.BindingKeys.Password),
                Ref("ca", KafkaResources.BindingKeys.TruststoreCrt))
            : Tree.List(
                Ref("cert", KafkaResources.BindingKeys.KeystoreCrt),
                Ref("key", KafkaResources.BindingKeys.KeystoreKey),
                Ref("ca", KafkaResources.BindingKeys.TruststoreCrt));
        return new KubernetesObject(KedaRenderer.ApiVersion, "ClusterTriggerAuthentication", identity.ClusterAuthentication, null,
            KubeObjects.Labels("keda", _cluster), KubeObjects.None,
            new Tree { ["spec"] = new Tree { ["secretTargetRef"] = refs } },
            "topics", ObjectStage.Autoscaling);
    }
}
