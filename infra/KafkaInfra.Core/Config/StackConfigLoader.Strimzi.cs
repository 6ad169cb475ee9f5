using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>The <c>cluster.strimzi</c> reader: listeners, node pools, pass-through config with its guards, metrics.</summary>
public static partial class StackConfigLoader
{
    /// <summary>Listener configuration properties of Strimzi 1.2 (040-Crd-kafka.yaml, listeners[].configuration).</summary>
    private static readonly string[] ListenerConfigurationKeys =
    [
        "brokerCertChainAndKey", "class", "externalTrafficPolicy", "loadBalancerSourceRanges", "bootstrap", "brokers", "ipFamilyPolicy", "ipFamilies",
        "createBootstrapService", "finalizers", "useServiceDnsDomain", "maxConnections", "maxConnectionCreationRate", "preferredNodePortAddressType",
        "publishNotReadyAddresses", "perBrokerAnnotationsTemplate", "perBrokerLabelsTemplate", "hostTemplate", "advertisedHostTemplate",
        "advertisedPortTemplate", "allocateLoadBalancerNodePorts", "parentRefs",
    ];

    private static readonly Dictionary<string, ListenerAuthentication> ListenerAuthentications = new(StringComparer.Ordinal)
    {
        ["scram-sha-512"] = ListenerAuthentication.ScramSha512,
        ["tls"] = ListenerAuthentication.Tls,
        ["none"] = ListenerAuthentication.None,
    };

    private static StrimziConfig? ReadStrimzi(ObjectReader cluster)
    {
        // `strimzi:` with nothing under it means "Strimzi with every default".
        if (cluster.ObjectOrEmpty("strimzi", KeysOf("cluster.strimzi")) is not { } r)
        {
            return null;
        }

        var ns = r.String("namespace", expected: "a Kubernetes namespace") ?? Defaults.StrimziNamespace;
        if (Names.KubernetesNameProblem(ns) is { } problem)
        {
            r.Errors.Add(r.Child("namespace"), problem);
        }

        var controllers = r.Int(Key("cluster.strimzi.controllers"), @default: Defaults.StrimziControllers) ?? Defaults.StrimziControllers;
        var controllerStorage = r.Int(Key("cluster.strimzi.controllerStorageGiB"), @default: Defaults.StrimziControllerStorageGiB) ?? Defaults.StrimziControllerStorageGiB;
        var storageClass = r.String("storageClass", expected: "a StorageClass name");
        var plain = r.Bool("plainListener", false);
        var rack = r.String("rackTopologyKey", expected: "a node label such as topology.kubernetes.io/zone");
        var resources = ReadResources(r, "brokerResources");
        var keda = r.String("kedaNamespace", expected: "KEDA's namespace") ?? Defaults.KedaNamespace;
        CheckKubernetesName(r, "kedaNamespace", keda);
        var createNamespace = r.Bool("createNamespace", Defaults.StrimziCreateNamespace);
        var config = new StrimziConfig(ns, controllers, controllerStorage, storageClass, plain, rack, resources, createNamespace) { KedaNamespace = keda };

        if (r.Has("listeners"))
        {
            if (plain)
            {
                r.Errors.Add(r.Child("plainListener"), "is replaced by listeners and cannot be combined with it; add { name: plain, port: 9092, type: internal, tls: false, authentication: scram-sha-512 } to listeners instead");
            }

            config = config with { Listeners = ReadListeners(r) };
        }

        if (r.Has("nodePools"))
        {
            foreach (var key in new[] { "controllers", "controllerStorageGiB", "brokerResources" })
            {
                if (r.Has(key))
                {
                    r.Errors.Add(r.Child(key), $"is the short form of nodePools and cannot be combined with it; set it on the pool instead");
                }
            }

            config = config with { NodePools = ReadNodePools(r, storageClass) };
        }

        return config with
        {
            KafkaConfig = GuardedConfig(r, "kafkaConfig", StrimziDefaults.KafkaForbiddenPrefixes, StrimziDefaults.KafkaForbiddenExceptions, StrimziDefaults.PlannerKafkaKeys, "spec.kafka.config"),
            Overrides = ReadOverrides(r),
            CruiseControl = r.Bool("cruiseControl", true),
            KafkaExporter = r.Bool("kafkaExporter", true),
            MetricsAllowList = ReadMetrics(r),
        };
    }

    private static List<StrimziListenerConfig> ReadListeners(ObjectReader strimzi)
    {
        var listeners = new List<StrimziListenerConfig>();
        var index = 0;
        foreach (var (item, path) in strimzi.List("listeners"))
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                strimzi.Errors.Add(path, $"must be a mapping, got {Describe.Value(item)}");
                continue;
            }

            var r = new ObjectReader(item, path, strimzi.Errors, KeysOf("cluster.strimzi.listeners[]"));
            var name = r.String("name", required: true, expected: "a listener name such as tls or external");
            if (name is { Length: > 0 } && !ListenerNamePattern().IsMatch(name))
            {
                r.Errors.Add(r.Child("name"), $"must be 1 to 11 lower-case letters or digits (Strimzi's ^[a-z0-9]{{1,11}}$); got {Describe.Quote(name)}");
            }

            var port = r.Int(Key("cluster.strimzi.listeners[].port"), required: true);
            if (port is { } p && StrimziDefaults.ReservedPorts.Contains(p))
            {
                r.Errors.Add(r.Child("port"), string.Create(CultureInfo.InvariantCulture, $"must not be {p}: Strimzi keeps 9404 for metrics and 9999 for JMX"));
            }

            var type = r.String("type", required: true, expected: "one of " + string.Join(", ", StrimziDefaults.ListenerTypes));
            if (type is { Length: > 0 } && !StrimziDefaults.ListenerTypes.Contains(type))
            {
                r.Errors.Add(r.Child("type"), $"must be one of {string.Join(", ", StrimziDefaults.ListenerTypes)}; got {Describe.Quote(type)}");
            }

            var tls = r.Bool("tls", true);
            var auth = r.Enum("authentication", ListenerAuthentication.ScramSha512, ListenerAuthentications) ?? ListenerAuthentication.ScramSha512;
            if (!tls && type is "route" or "ingress")
            {
                r.Errors.Add(r.Child("tls"), $"must be true for a {type} listener (Strimzi routes and ingresses pass TLS through); got false");
            }

            if (!tls && auth == ListenerAuthentication.Tls)
            {
                r.Errors.Add(r.Child("authentication"), "cannot be tls (client certificates) on a listener with tls: false; set tls: true or use scram-sha-512");
            }

            var configuration = r.Raw("configuration");
            if (configuration is { } c)
            {
                if (c.ValueKind != JsonValueKind.Object)
                {
                    r.Errors.Add(r.Child("configuration"), $"must be a mapping of Strimzi listener configuration, got {Describe.Value(c)}");
                }
                else
                {
                    _ = new ObjectReader(c, r.Child("configuration"), r.Errors, ListenerConfigurationKeys);
                }
            }

            if (type == "ingress" && !(configuration is { ValueKind: JsonValueKind.Object } conf && conf.TryGetProperty("bootstrap", out var b) && b.ValueKind == JsonValueKind.Object && b.TryGetProperty("host", out _)))
            {
                // strimzi 1.2.0 : cluster-operator/.../model/ListenersValidator.java validateIngress.
                r.Errors.Add(r.Child("configuration"), "must set bootstrap.host (and brokers[].host for every broker) for an ingress listener");
            }

            if (name is { Length: > 0 } && port is not null && type is { Length: > 0 })
            {
                listeners.Add(new StrimziListenerConfig(name, port.Value, type, tls, auth, configuration));
            }
        }

        if (index == 0)
        {
            strimzi.Errors.Add(strimzi.Child("listeners"), "must list at least one listener (Strimzi requires spec.kafka.listeners)");
        }

        foreach (var dup in listeners.GroupBy(l => l.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            strimzi.Errors.Add(strimzi.Child("listeners"), $"must not repeat the listener name {Describe.Quote(dup.Key)}");
        }

        foreach (var dup in listeners.GroupBy(l => l.Port).Where(g => g.Count() > 1))
        {
            strimzi.Errors.Add(strimzi.Child("listeners"), string.Create(CultureInfo.InvariantCulture, $"must not repeat the port {dup.Key} (listeners {string.Join(", ", dup.Select(l => l.Name))})"));
        }

        return listeners;
    }

    /// <summary>
    /// A pass-through config mapping (<c>kafkaConfig</c>, <c>workerConfig</c>): every key Strimzi forbids or the planner
    /// sets is refused with the key; the rest is kept as given.
    /// </summary>
    private static IReadOnlyDictionary<string, string> GuardedConfig(ObjectReader r, string key, IReadOnlyList<string> forbidden, IReadOnlyList<string> exceptions, IReadOnlyList<string> planner, string target)
    {
        var values = r.StringMap(key);
        GuardConfig(values, r.Child(key), forbidden, exceptions, planner, target, r.Errors);
        return values.Count == 0 ? StrimziDefaults.NoConfig : values;
    }

    private static void GuardConfig(IReadOnlyDictionary<string, string> values, string path, IReadOnlyList<string> forbidden, IReadOnlyList<string> exceptions, IReadOnlyList<string> planner, string target, ErrorBag errors)
    {
        foreach (var k in values.Keys)
        {
            if (planner.Contains(k))
            {
                errors.Add($"{path}.{k}", $"is set by the planner (from topicDefaults and the capacity plan); change that instead of overriding {target}");
            }
            else if (StrimziDefaults.ForbiddenPrefix(k, forbidden, exceptions) is { } prefix)
            {
                errors.Add($"{path}.{k}", $"is forbidden by Strimzi in {target} (prefix '{prefix}'; the operator owns it and would drop it)");
            }
        }
    }

    private static StrimziOverrides ReadOverrides(ObjectReader strimzi)
    {
        if (strimzi.Object("overrides", required: false, KeysOf("cluster.strimzi.overrides")) is not { } r)
        {
            return StrimziDefaults.NoOverrides;
        }

        JsonElement? Section(string name)
        {
            var value = r.Raw(name);
            if (value is { } v)
            {
                StrimziOverrideSchema.Check(name, v, r.Child(name), r.Errors);
            }

            return value;
        }

        return new StrimziOverrides(Section("kafka"), Section("brokerPool"), Section("controllerPool"), Section("cruiseControl"), Section("entityOperator"), Section("kafkaExporter"));
    }

    private static List<string>? ReadMetrics(ObjectReader strimzi)
    {
        if (strimzi.Object("metrics", required: false, KeysOf("cluster.strimzi.metrics")) is not { } r || !r.Has("allowList"))
        {
            return null;
        }

        var list = r.StringList("allowList").ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (StrimziMetrics.PatternProblem(list[i]) is { } problem)
            {
                r.Errors.Add($"{r.Child("allowList")}[{i}]", $"must be a regular expression over metric names; got {Describe.Quote(list[i])} ({problem})");
            }
        }

        if (list.Count == 0)
        {
            r.Errors.Add(r.Child("allowList"), "must list at least one metric pattern; leave metrics out to keep Strimzi's default allow-list");
        }

        return list;
    }

    [GeneratedRegex("^[a-z0-9]{1,11}$", RegexOptions.CultureInvariant)]
    private static partial Regex ListenerNamePattern();
}
