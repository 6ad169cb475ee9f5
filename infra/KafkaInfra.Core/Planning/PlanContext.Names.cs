using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// Every name the stack derives, with the config key that produced it, checked before anything is rendered: two
/// objects that would share a name (or a render file name) are refused with both keys, and each name is held to its
/// limit — 63 for names Kubernetes or an operator also uses as a label value or a Service name, 253 for other
/// Kubernetes object names, 249 for Kafka topic names.
/// </summary>
internal sealed partial class PlanContext
{
    /// <summary>A label value or a Service name (RFC 1123 label).</summary>
    internal const int LabelLimit = Names.MaxKubernetesNameLength;

    /// <summary>Any other Kubernetes object name (RFC 1123 subdomain).</summary>
    internal const int ObjectLimit = Names.MaxKubernetesSubdomainLength;

    /// <summary>One derived name: what it names, where, its limit and why, and the key that produced it.</summary>
    internal sealed record NameUse(string Kind, string? Namespace, string Name, int Limit, string Why, string Path);

    /// <summary>
    /// The names rendered for this stack by kind: Kubernetes objects with their namespace, and <c>Kafka topic</c> /
    /// <c>Kafka group</c> entries for the names Kafka sees. Namespaces themselves are shared on purpose and not listed.
    /// </summary>
    internal IReadOnlyList<NameUse> DerivedNames()
    {
        var uses = new List<NameUse>();
        var cluster = config.Cluster.Name;
        var clusterPath = $"{ClusterPath}.name";
        string? kafkaNs = null;
        if (Platform is StrimziPlatform { Config: var s })
        {
            kafkaNs = s.Namespace;
            // Strimzi labels everything it creates with strimzi.io/cluster: <cluster> and names the bootstrap Service after it.
            uses.Add(new("Service", kafkaNs, KafkaResources.BootstrapService(cluster), LabelLimit, "Strimzi's bootstrap Service", clusterPath));
            uses.Add(new("Kafka", kafkaNs, cluster, LabelLimit, "the strimzi.io/cluster label value", clusterPath));
            foreach (var mode in new[] { "add-brokers", "remove-brokers" })
            {
                uses.Add(new("KafkaRebalance", kafkaNs, KafkaResources.RebalanceTemplate(cluster, mode), ObjectLimit, "a KafkaRebalance template", clusterPath));
            }

            foreach (var t in config.Topics)
            {
                uses.Add(new("KafkaTopic", kafkaNs, KafkaResources.KafkaTopic(t.Name), ObjectLimit, "its KafkaTopic", $"{t.Path}.name"));
            }

            // The User Operator labels each user's Secret app.kubernetes.io/instance: <user> (a label value).
            foreach (var c in config.Consumers)
            {
                uses.Add(new("KafkaUser", kafkaNs, KafkaResources.ConsumerUser(c), LabelLimit, "its KafkaUser <namespace>-<name>, also a label value of its Secret", $"{c.Path}.name"));
            }

            foreach (var g in config.Connect)
            {
                uses.Add(new("KafkaUser", kafkaNs, KafkaResources.ConnectUser(g.Name), LabelLimit, "its KafkaUser connect-<name>, also a label value of its Secret", $"{g.Path}.name"));
                uses.Add(new("KafkaConnect", kafkaNs, g.Name, LabelLimit, "its KafkaConnect, also the strimzi.io/cluster label of its connectors", $"{g.Path}.name"));
                uses.Add(new("Service", kafkaNs, KafkaResources.ConnectApiService(g.Name), LabelLimit, "Strimzi's Connect REST API Service", $"{g.Path}.name"));
                foreach (var c in g.Connectors)
                {
                    uses.Add(new("KafkaConnector", kafkaNs, c.Name, ObjectLimit, "its KafkaConnector", $"{g.Path}.connectors[{c.Index}].name"));
                }

                if (g.MaxReplicas is not null)
                {
                    AddScaledObject(uses, kafkaNs, KafkaResources.ConnectScaledObject(g.Name), $"{g.Path}.name", perWorkloadAuth: false, scramConfigMap: false);
                }
            }

            foreach (var g in config.KsqlDb)
            {
                uses.Add(new("KafkaUser", kafkaNs, KafkaResources.KsqlDbUser(g.Name), LabelLimit, "its KafkaUser ksqldb-<name>, also a label value of its Secret", $"{g.Path}.name"));
            }

            AddClients(uses, s, kafkaNs, cluster, clusterPath);
        }

        var ksqlNs = kafkaNs ?? Defaults.MskWorkloadNamespace;
        foreach (var g in config.KsqlDb)
        {
            var workload = KafkaResources.KsqlDbWorkload(g.Name);
            uses.Add(new("Deployment", ksqlNs, workload, LabelLimit, "its Deployment ksqldb-<name>, also its app.kubernetes.io/name label", $"{g.Path}.name"));
            uses.Add(new("Service", ksqlNs, workload, LabelLimit, "its Service ksqldb-<name>", $"{g.Path}.name"));
            uses.Add(new("Kafka topic", null, KafkaResources.KsqlDbCommandTopic(g.ServiceId), Names.MaxTopicNameLength, "its command topic", $"{g.Path}.serviceId"));
        }

        // On Strimzi every trigger refers to KEDA's one ClusterTriggerAuthentication; on MSK each ScaledObject has its own
        // TriggerAuthentication, and with SCRAM a ConfigMap with the user name.
        var perWorkloadAuth = Platform is MskPlatform;
        foreach (var c in config.Consumers)
        {
            var scramConfigMap = Platform is MskPlatform msk && msk.MechanismOf(c.Authentication) == MskAuthentication.Scram;
            AddScaledObject(uses, c.Namespace, c.Name, $"{c.Path}.name", perWorkloadAuth, scramConfigMap);
        }

        if (Platform is ExternalPlatform && config.Consumers.Count > 0)
        {
            uses.Add(new("ClusterTriggerAuthentication", null, KafkaResources.KedaClusterTriggerAuthentication(cluster), ObjectLimit, "KEDA's ClusterTriggerAuthentication", clusterPath));
        }

        foreach (var t in config.Topics)
        {
            uses.Add(new("Kafka topic", null, t.Name, Names.MaxTopicNameLength, "a topic", $"{t.Path}.name"));
        }

        if (Platform is StrimziPlatform)
        {
            foreach (var g in config.Connect)
            {
                foreach (var (topic, _) in KafkaResources.ConnectInternalTopics(g.Name))
                {
                    uses.Add(new("Kafka topic", null, topic, Names.MaxTopicNameLength, "an internal topic of its Connect group", $"{g.Path}.name"));
                }
            }
        }

        return uses;
    }

    /// <summary>A ScaledObject and the objects beside it; KEDA labels its HPA scaledobject.keda.sh/name: &lt;name&gt;.</summary>
    private static void AddScaledObject(List<NameUse> uses, string ns, string name, string path, bool perWorkloadAuth, bool scramConfigMap)
    {
        uses.Add(new("ScaledObject", ns, name, LabelLimit, "its KEDA ScaledObject, also the scaledobject.keda.sh/name label of its HPA", path));
        if (perWorkloadAuth)
        {
            uses.Add(new("TriggerAuthentication", ns, KafkaResources.KedaTriggerAuthentication(name), ObjectLimit, "its KEDA TriggerAuthentication", path));
        }

        if (scramConfigMap)
        {
            uses.Add(new("ConfigMap", ns, KafkaResources.KedaClientConfigMap(name), ObjectLimit, "its KEDA client ConfigMap", path));
        }
    }

    /// <summary>
    /// Strimzi's client objects: producers' and users' KafkaUsers, each consumer's and producer's KafkaAccess in its own
    /// namespace, and KEDA's describe-only user, its KafkaAccess and the ClusterTriggerAuthentication (StrimziRenderer.Clients).
    /// </summary>
    private void AddClients(List<NameUse> uses, StrimziConfig s, string kafkaNs, string cluster, string clusterPath)
    {
        foreach (var p in config.Producers)
        {
            uses.Add(new("KafkaUser", kafkaNs, KafkaResources.ProducerUser(p), LabelLimit, "its KafkaUser, also a label value of its Secret", $"{p.Path}.name"));
            uses.Add(new("KafkaAccess", p.Namespace, KafkaResources.ProducerBinding(p.Name), ObjectLimit, "its KafkaAccess and binding Secret", $"{p.Path}.name"));
        }

        foreach (var u in config.Users)
        {
            uses.Add(new("KafkaUser", kafkaNs, u.Name, LabelLimit, "its KafkaUser, also a label value of its Secret", $"{u.Path}.name"));
            if (u.Namespace is { } ns)
            {
                uses.Add(new("KafkaAccess", ns, KafkaResources.UserBinding(u.Name), ObjectLimit, "its KafkaAccess and binding Secret <name>-user-kafka", $"{u.Path}.name"));
            }
        }

        foreach (var c in config.Consumers)
        {
            uses.Add(new("KafkaAccess", c.Namespace, KafkaResources.ConsumerBinding(c.Name), ObjectLimit, "its KafkaAccess and binding Secret", $"{c.Path}.name"));
        }

        if (config.Consumers.Count > 0 || config.Connect.Any(g => g.MaxReplicas is not null))
        {
            uses.Add(new("KafkaUser", kafkaNs, KafkaResources.KedaUser(cluster), LabelLimit, "KEDA's describe-only KafkaUser", clusterPath));
            uses.Add(new("KafkaAccess", s.KedaNamespace, KafkaResources.KedaBinding(cluster), ObjectLimit, "KEDA's KafkaAccess and binding Secret", clusterPath));
            uses.Add(new("ClusterTriggerAuthentication", null, KafkaResources.KedaClusterTriggerAuthentication(cluster), ObjectLimit, "KEDA's ClusterTriggerAuthentication", clusterPath));
        }

        // Triggers on an authentication: tls listener log in as KEDA's second, certificate-holding identity.
        var triggerListeners = config.Consumers.Select(c => c.Listener).Concat(config.Connect.Where(g => g.MaxReplicas is not null).Select(g => g.Listener));
        if (triggerListeners.Any(l => s.ClientListener(l) is { Authentication: ListenerAuthentication.Tls }))
        {
            uses.Add(new("KafkaUser", kafkaNs, KafkaResources.KedaTlsUser(cluster), LabelLimit, "KEDA's describe-only KafkaUser for tls listeners", clusterPath));
            uses.Add(new("KafkaAccess", s.KedaNamespace, KafkaResources.KedaTlsBinding(cluster), ObjectLimit, "KEDA's KafkaAccess for tls listeners", clusterPath));
            uses.Add(new("ClusterTriggerAuthentication", null, KafkaResources.KedaTlsClusterTriggerAuthentication(cluster), ObjectLimit, "KEDA's ClusterTriggerAuthentication for tls listeners", clusterPath));
        }
    }

    private void CheckDerivedNames()
    {
        var byObject = new Dictionary<(string, string?, string), NameUse>();
        var byFile = new Dictionary<string, NameUse>(StringComparer.Ordinal);
        var reported = new HashSet<(string, string)>();
        foreach (var use in DerivedNames())
        {
            if (use.Name.Length > use.Limit)
            {
                if (reported.Add((use.Path, use.Why)))
                {
                    Error(use.Path, $"derives {use.Why} {Describe.Quote(use.Name)}, {use.Name.Length} characters; the limit is {use.Limit}: shorten it");
                }

                continue;
            }

            if (byObject.TryGetValue((use.Kind, use.Namespace, use.Name), out var first))
            {
                if (first.Path != use.Path)
                {
                    Error(use.Path, $"derives {use.Kind} {Describe.Quote(use.Name)}{Where(use.Namespace)}, which {first.Path} also derives ({first.Why}); rename one of them");
                }

                continue;
            }

            byObject[(use.Kind, use.Namespace, use.Name)] = use;
            if (use.Namespace is null)
            {
                continue;
            }

            // Render writes <stage>-<kind>-<namespace>-<name>.yaml: namespace a-b + name c and namespace a + name b-c meet there.
            var file = $"{use.Kind.ToLowerInvariant()}-{use.Namespace}-{use.Name}";
            if (byFile.TryGetValue(file, out var sameFile) && sameFile.Path != use.Path)
            {
                Error(use.Path, $"derives {use.Kind} {Describe.Quote(use.Name)}{Where(use.Namespace)}, whose render file name {file}.yaml is also that of {sameFile.Kind} {Describe.Quote(sameFile.Name)}{Where(sameFile.Namespace)} from {sameFile.Path}; rename one of them");
            }

            byFile.TryAdd(file, use);
        }
    }

    private static string Where(string? ns) => ns is null ? "" : $" in namespace {Describe.Quote(ns)}";
}
