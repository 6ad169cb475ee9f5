using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>
/// The readers of the client principals: <c>kafka-infra:producers</c>, <c>kafka-infra:users</c> and the
/// <c>quotas</c> mapping they share with <c>consumers[]</c>, with the rules across them.
/// </summary>
public static partial class StackConfigLoader
{
    /// <summary>The values of <c>users[].authentication</c>.</summary>
    private static readonly Dictionary<string, UserAuthentication> UserAuthentications = new(StringComparer.Ordinal)
    {
        ["scram-sha-512"] = UserAuthentication.ScramSha512,
        ["tls"] = UserAuthentication.Tls,
    };

    /// <summary>
    /// The operations Kafka's authorizer checks on each resource type (Apache Kafka documentation, "Operations and
    /// Resources on Protocols"); anything else in an ACL is accepted by Kafka but never grants anything.
    /// </summary>
    private static readonly Dictionary<string, string[]> OperationsByResource = new(StringComparer.Ordinal)
    {
        ["topic"] = ["Read", "Write", "Create", "Delete", "Alter", "Describe", "AlterConfigs", "DescribeConfigs", "All"],
        ["group"] = ["Read", "Delete", "Describe", "All"],
        ["cluster"] = ["Create", "Alter", "Describe", "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"],
        ["transactionalId"] = ["Write", "Describe", "All"],
    };

    private static ProducerConfig? ReadProducer(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("producers[]"));
        var name = r.String("name", required: true, expected: "the name of the producing application");
        CheckKubernetesName(r, "name", name);
        var ns = r.String("namespace", expected: "a Kubernetes namespace") ?? Defaults.ConsumerNamespace;
        if (ns.Length == 0)
        {
            errors.Add(r.Child("namespace"), $"must not be empty; expected a Kubernetes namespace, or leave the key out for {Describe.Quote(Defaults.ConsumerNamespace)}");
        }

        CheckKubernetesName(r, "namespace", ns);
        var topicItems = r.List("topics", required: true);
        var topics = NonEmptyStrings(topicItems, errors);
        if (r.Has("topics") && topicItems.Count == 0 && element.GetProperty("topics").ValueKind == JsonValueKind.Array)
        {
            errors.Add(r.Child("topics"), "must name at least one topic in kafka-infra:topics");
        }

        var prefix = r.String("transactionalIdPrefix", expected: "the start of the producer's transactional.id");
        if (prefix is { Length: 0 })
        {
            errors.Add(r.Child("transactionalIdPrefix"), "must not be empty: an empty prefix would grant every transactional id; leave the key out for a non-transactional producer");
        }

        var quotas = ReadQuotas(r, "producers[]");
        var roleArn = ReadRoleArn(r);
        var listener = ReadListenerChoice(r);
        return name is null ? null : new ProducerConfig(index, name, ns, topics, prefix is { Length: 0 } ? null : prefix, quotas, roleArn, listener);
    }

    private static UserConfig? ReadUser(JsonElement element, string path, int index, ErrorBag errors)
    {
        var r = new ObjectReader(element, path, errors, KeysOf("users[]"));
        var name = r.String("name", required: true, expected: "the principal's user name");
        CheckKubernetesName(r, "name", name);
        var authentication = r.Enum("authentication", UserAuthentication.ScramSha512, UserAuthentications);
        var acls = new List<AclRule>();
        var items = r.List("acls", required: true);
        if (r.Has("acls") && items.Count == 0 && element.GetProperty("acls").ValueKind == JsonValueKind.Array)
        {
            errors.Add(r.Child("acls"), "must hold at least one rule: a user without ACLs can do nothing under `authorization: simple`");
        }

        foreach (var (item, itemPath) in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(itemPath, $"must be a mapping, got {Describe.Value(item)}");
            }
            else if (ReadAcl(item, new ObjectReader(item, itemPath, errors, KeysOf("users[].acls[]"))) is { } acl)
            {
                acls.Add(acl);
            }
        }

        var quotas = ReadQuotas(r, "users[]");
        var ns = r.String("namespace", expected: "the Kubernetes namespace its KafkaAccess binding goes to");
        if (ns is { Length: 0 })
        {
            errors.Add(r.Child("namespace"), "must not be empty; expected a Kubernetes namespace, or leave the key out to keep the credentials in the Kafka namespace only");
        }

        CheckKubernetesName(r, "namespace", ns);
        var listener = r.String("listener", expected: "the name of a listener in cluster.strimzi.listeners");
        if (listener is not null && ns is null)
        {
            errors.Add(r.Child("listener"), $"names listener {Describe.Quote(listener)}, but only the KafkaAccess binding of users[].namespace uses it; set namespace too, or leave listener out");
        }

        return name is null || authentication is null ? null : new UserConfig(index, name, authentication.Value, acls, quotas, ns is { Length: 0 } ? null : ns, listener);
    }

    private static AclRule? ReadAcl(JsonElement element, ObjectReader r)
    {
        var resource = r.Object("resource", required: true, KeysOf("users[].acls[].resource"));
        string? type = null, name = null, pattern = null;
        if (resource is not null)
        {
            type = resource.String("type", required: true, expected: "topic, group, cluster or transactionalId");
            if (type is { Length: > 0 } && !OperationsByResource.ContainsKey(type))
            {
                r.Errors.Add(resource.Child("type"), $"must be one of {string.Join(", ", OperationsByResource.Keys)}; got {Describe.Quote(type)}");
                type = null;
            }

            name = resource.String("name", expected: "a resource name, or * for all");
            if (type == "cluster" && name is not null)
            {
                r.Errors.Add(resource.Child("name"), $"must not be set for a cluster resource (there is one cluster); got {Describe.Quote(name)}");
            }
            else if (type is not null and not "cluster" && string.IsNullOrEmpty(name))
            {
                r.Errors.Add(resource.Child("name"), $"is required for a {type} resource; expected a name, or * for all");
            }

            pattern = resource.String("patternType", expected: "literal or prefix") ?? Defaults.AclPatternType;
            if (pattern is not ("literal" or "prefix"))
            {
                r.Errors.Add(resource.Child("patternType"), $"must be one of literal, prefix; got {Describe.Quote(pattern)}");
                pattern = null;
            }
        }

        var operationItems = r.List("operations", required: true);
        var operations = NonEmptyStrings(operationItems, r.Errors);
        if (r.Has("operations") && operationItems.Count == 0 && element.GetProperty("operations").ValueKind == JsonValueKind.Array)
        {
            r.Errors.Add(r.Child("operations"), "must name at least one operation");
        }

        var valid = true;
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            if (!ConfigKeyTable.AclOperations.Contains(op, StringComparer.Ordinal))
            {
                var suggestion = Suggest.Closest(op, ConfigKeyTable.AclOperations);
                r.Errors.Add($"{r.Child("operations")}[{i}]", $"must be one of {string.Join(", ", ConfigKeyTable.AclOperations)}; got {Describe.Quote(op)}{(suggestion is null ? "" : $" (did you mean {Describe.Quote(suggestion)}?)")}");
                valid = false;
            }
            else if (type is not null && !OperationsByResource[type].Contains(op, StringComparer.Ordinal))
            {
                r.Errors.Add($"{r.Child("operations")}[{i}]", $"{Describe.Quote(op)} does not apply to a {type} resource (Kafka checks {string.Join(", ", OperationsByResource[type])} on it)");
                valid = false;
            }
        }

        var host = r.String("host", expected: "a host, or * for any") ?? Defaults.AclHost;
        return type is null || pattern is null || operations.Count == 0 || !valid || (type != "cluster" && string.IsNullOrEmpty(name))
            ? null
            : new AclRule(new AclResource(type, type == "cluster" ? null : name, pattern), operations, host);
    }

    /// <summary>The non-empty strings of a list; every other item is an error at its own path.</summary>
    private static List<string> NonEmptyStrings(IReadOnlyList<(JsonElement Element, string Path)> items, ErrorBag errors)
    {
        var result = new List<string>(items.Count);
        foreach (var (e, p) in items)
        {
            if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s)
            {
                result.Add(s);
            }
            else
            {
                errors.Add(p, $"must be a non-empty string, got {Describe.Value(e)}");
            }
        }

        return result;
    }

    /// <summary>The optional <c>quotas</c> mapping of a consumer, producer or user; its keys come from the key table.</summary>
    private static ClientQuotas? ReadQuotas(ObjectReader parent, string owner)
    {
        var table = owner + ".quotas";
        if (parent.Object("quotas", required: false, KeysOf(table)) is not { } r)
        {
            return null;
        }

        var keys = KeysOf(table);
        var produce = keys.Contains("producerByteRate") ? r.Int(Key(table + ".producerByteRate")) : null;
        var fetch = keys.Contains("consumerByteRate") ? r.Int(Key(table + ".consumerByteRate")) : null;
        var request = r.Int(Key(table + ".requestPercentage"));
        var quotas = new ClientQuotas(produce, fetch, request);
        return quotas.IsEmpty ? null : quotas;
    }

    private static void CheckProducers(List<ProducerConfig> producers, List<ConsumerConfig> consumers, List<TopicConfig> topics, IReadOnlySet<string> declared, ErrorBag errors)
    {
        var topicNames = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<(string, string), ProducerConfig>();
        // Binding Secrets share a namespace with the consumers' (KafkaResources.ConsumerBinding / ProducerBinding).
        var bindings = consumers.GroupBy(c => (c.Namespace, KafkaResources.ConsumerBinding(c.Name))).ToDictionary(g => g.Key, g => g.First().Path);
        foreach (var p in producers)
        {
            for (var i = 0; i < p.Topics.Count; i++)
            {
                CheckTopicReference($"{p.Path}.topics[{i}]", p.Topics[i], topicNames, declared, errors);
            }

            if (!names.TryAdd((p.Namespace, p.Name), p))
            {
                errors.Add($"{p.Path}.name", $"duplicates {names[(p.Namespace, p.Name)].Path}.name {Describe.Quote(p.Name)} in namespace {Describe.Quote(p.Namespace)}; each producer gets one KafkaUser and one binding Secret");
                continue;
            }

            var binding = KafkaResources.ProducerBinding(p.Name);
            if (!bindings.TryAdd((p.Namespace, binding), p.Path))
            {
                errors.Add($"{p.Path}.name", $"gives binding Secret {Describe.Quote(binding)} in namespace {Describe.Quote(p.Namespace)}, which {bindings[(p.Namespace, binding)]} already gets; rename one of them");
            }
        }
    }

    private static void CheckUsers(List<UserConfig> users, DerivedNames workloads, ErrorBag errors)
    {
        var names = new Dictionary<string, UserConfig>(StringComparer.Ordinal);
        var derived = DerivedUserNames(workloads);
        foreach (var u in users)
        {
            if (!names.TryAdd(u.Name, u))
            {
                errors.Add($"{u.Path}.name", $"duplicates {names[u.Name].Path}.name {Describe.Quote(u.Name)}");
            }
            else if (derived.TryGetValue(u.Name, out var owner))
            {
                errors.Add($"{u.Path}.name", $"is the KafkaUser name kafka-infra derives for {owner}; choose another name (two principals would share one user and its ACLs)");
            }
        }
    }

    /// <summary>The KafkaUser names the renderers derive for consumers, producers, Connect, ksqlDB and KEDA, with the key that produced each.</summary>
    private static Dictionary<string, string> DerivedUserNames(DerivedNames config)
    {
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in config.Consumers)
        {
            derived.TryAdd(KafkaResources.ConsumerUser(c), c.Path);
        }

        foreach (var p in config.Producers)
        {
            derived.TryAdd(KafkaResources.ProducerUser(p), p.Path);
        }

        foreach (var g in config.Connect)
        {
            derived.TryAdd(KafkaResources.ConnectUser(g.Name), g.Path);
        }

        foreach (var g in config.KsqlDb)
        {
            derived.TryAdd(KafkaResources.KsqlDbUser(g.Name), g.Path);
        }

        if (config.ClusterName is { } cluster)
        {
            derived.TryAdd(KafkaResources.KedaUser(cluster), "KEDA's describe-only identity");
            derived.TryAdd(KafkaResources.KedaTlsUser(cluster), "KEDA's describe-only identity on tls listeners");
        }

        return derived;
    }

    /// <summary>The entries whose KafkaUser names are derived, as read (valid or not), and the cluster name when it was read.</summary>
    private sealed record DerivedNames(
        string? ClusterName,
        IReadOnlyList<ConsumerConfig> Consumers,
        IReadOnlyList<ProducerConfig> Producers,
        IReadOnlyList<ConnectGroupConfig> Connect,
        IReadOnlyList<KsqlDbGroupConfig> KsqlDb);
}
