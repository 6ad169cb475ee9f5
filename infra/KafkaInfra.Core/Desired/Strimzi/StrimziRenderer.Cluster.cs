using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>The Kafka cluster: the Kafka resource, its node pools and the rebalance templates Cruise Control uses.</summary>
internal sealed partial class StrimziRenderer
{
    public IEnumerable<KubernetesObject> Cluster()
    {
        // Cruise Control from CruiseControlMinBrokers brokers on, unless cluster.strimzi.cruiseControl is false.
        var cruiseControl = _strimzi.CruiseControl && _plan.Cluster.Brokers >= KafkaResources.CruiseControlMinBrokers;
        yield return Kafka(cruiseControl);
        foreach (var pool in NodePools())
        {
            yield return pool;
        }

        if (cruiseControl)
        {
            yield return RebalanceTemplate("add-brokers");
            yield return RebalanceTemplate("remove-brokers");
        }
    }

    /// <summary>The KafkaNodePools: <c>cluster.strimzi.nodePools</c>, or the short form's controller and broker pools.</summary>
    private IEnumerable<KubernetesObject> NodePools()
    {
        if (_strimzi.NodePools.Count == 0)
        {
            var metadata = new PoolVolumeConfig(0, "persistent-claim", null, _strimzi.StorageClass, false, KraftMetadata: true);
            yield return NodePool(KafkaResources.ControllerPool, ["controller"], _strimzi.Controllers,
                new PoolStorageConfig("jbod", [metadata with { SizeGiB = _strimzi.ControllerStorageGiB }]), null, null);
            yield return NodePool(KafkaResources.BrokerPool, ["broker"], _plan.Cluster.Brokers,
                new PoolStorageConfig("jbod", [metadata with { SizeGiB = _plan.Cluster.StorageGiB }]), _strimzi.BrokerResources, null);
            yield break;
        }

        foreach (var p in _strimzi.NodePools)
        {
            yield return NodePool(p.Name, p.Roles, p.Replicas, p.Storage, p.Resources, p.JvmOptions);
        }
    }

    private static Tree Listener(StrimziListenerConfig l)
    {
        var listener = new Tree
        {
            ["name"] = l.Name,
            ["port"] = l.Port,
            ["type"] = l.Type,
            ["tls"] = l.Tls,
            ["authentication"] = l.AuthenticationType is { } type ? new Tree { ["type"] = type } : null,
        };
        if (l.Configuration is { } c)
        {
            listener["configuration"] = TreeJson.From(c);
        }

        return listener;
    }

    private KubernetesObject Kafka(bool cruiseControl)
    {
        var listeners = _strimzi.Listeners.Select(l => (object)Listener(l)).ToList();

        var config = new Tree
        {
            ["default.replication.factor"] = _defaultRf,
            ["min.insync.replicas"] = _defaultMinIsr,
            ["offsets.topic.replication.factor"] = _defaultRf,
            ["transaction.state.log.replication.factor"] = _defaultRf,
            ["transaction.state.log.min.isr"] = _defaultMinIsr,
            ["auto.create.topics.enable"] = false,
            ["num.partitions"] = _plan.Cluster.NumPartitions,
        };

        // cluster.strimzi.kafkaConfig after the planner's keys; the loader refused the keys either owns.
        foreach (var (k, v) in _strimzi.KafkaConfig)
        {
            config[k] = TreeJson.ConfigValue(v);
        }

        var kafka = new Tree
        {
            ["version"] = _plan.Config.Cluster.KafkaVersion,
            ["listeners"] = listeners,
            ["authorization"] = new Tree { ["type"] = "simple" },
            ["config"] = config,
            ["rack"] = _strimzi.RackTopologyKey is { } key ? new Tree { ["topologyKey"] = key } : null,
            // Without values Strimzi applies its own default allow-list, the one its dashboards are written for (StrimziMetrics).
            ["metricsConfig"] = new Tree
            {
                ["type"] = "strimziMetricsReporter",
                ["values"] = _strimzi.MetricsAllowList is { } allow ? new Tree { ["allowList"] = Tree.ListOf(allow) } : null,
            },
        };

        TreeJson.Merge(kafka, _strimzi.Overrides.Kafka);
        var entityOperator = new Tree { ["topicOperator"] = new Tree(), ["userOperator"] = new Tree() };
        TreeJson.Merge(entityOperator, _strimzi.Overrides.EntityOperator);
        var exporter = _strimzi.KafkaExporter ? new Tree { ["topicRegex"] = ".*", ["groupRegex"] = ".*" } : null;
        if (exporter is not null)
        {
            TreeJson.Merge(exporter, _strimzi.Overrides.KafkaExporter);
        }

        var spec = new Tree
        {
            ["kafka"] = kafka,
            ["entityOperator"] = entityOperator,
            ["cruiseControl"] = cruiseControl
                ? new Tree
                {
                    ["autoRebalance"] = Tree.List(
                        new Tree { ["mode"] = "add-brokers", ["template"] = new Tree { ["name"] = KafkaResources.RebalanceTemplate(_cluster, "add-brokers") } },
                        new Tree { ["mode"] = "remove-brokers", ["template"] = new Tree { ["name"] = KafkaResources.RebalanceTemplate(_cluster, "remove-brokers") } }),
                }
                : null,
            ["kafkaExporter"] = exporter,
        };
        if (spec["cruiseControl"] is Tree cc)
        {
            TreeJson.Merge(cc, _strimzi.Overrides.CruiseControl);
        }

        return new KubernetesObject(KafkaResources.StrimziApiVersion, "Kafka", _cluster, _ns, KafkaLabels("kafka", clusterLabel: false),
            [KubeObjects.Pair("pulumi.com/waitFor", "condition=Ready")], new Tree { ["spec"] = spec }, "strimzi", ObjectStage.Cluster);
    }

    private KubernetesObject NodePool(string pool, IReadOnlyList<string> roles, int replicas, PoolStorageConfig storage, ResourcesConfig? resources, System.Text.Json.JsonElement? jvmOptions)
    {
        var name = KafkaResources.NodePool(_cluster, pool);
        var spec = new Tree
        {
            ["replicas"] = replicas,
            ["roles"] = Tree.ListOf(roles),
            ["storage"] = Storage(storage),
            ["resources"] = DeploymentModel.ResourcesTree(resources),
            ["jvmOptions"] = jvmOptions is { } j ? TreeJson.From(j) : null,
            ["template"] = _strimzi.RackTopologyKey is { } key ? ZoneSpread(name, key) : null,
        };

        // overrides.brokerPool goes into every pool with the broker role, overrides.controllerPool into controller-only pools.
        TreeJson.Merge(spec, roles.Contains("broker") ? _strimzi.Overrides.BrokerPool : _strimzi.Overrides.ControllerPool);
        return new KubernetesObject(KafkaResources.StrimziApiVersion, "KafkaNodePool", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
            new Tree { ["spec"] = spec }, "strimzi", ObjectStage.Cluster);
    }

    /// <summary>A pool's <c>storage</c> (045-Crd-kafkanodepool.yaml): one persistent claim or emptyDir, or JBOD volumes.</summary>
    private static Tree Storage(PoolStorageConfig storage)
    {
        if (storage.Type != "jbod")
        {
            var single = Volume(storage.Volumes[0]);
            single["id"] = null;
            single["kraftMetadata"] = null;
            return single;
        }

        return new Tree { ["type"] = "jbod", ["volumes"] = storage.Volumes.Select(v => (object)Volume(v)).ToArray() };
    }

    private static Tree Volume(PoolVolumeConfig v) => new()
    {
        ["id"] = v.Id,
        ["type"] = v.Type,
        ["size"] = v.SizeGiB is { } size ? $"{size}Gi" : null,
        ["class"] = v.Class,
        ["deleteClaim"] = v.Type == "persistent-claim" ? v.DeleteClaim : null,
        ["kraftMetadata"] = v.KraftMetadata ? "shared" : null,
    };

    /// <summary>Strimzi 0.49+ no longer spreads rack-aware pods across zones itself: spread each pool's pods over the topology key.</summary>
    private Tree ZoneSpread(string pool, string topologyKey) => new()
    {
        ["pod"] = new Tree
        {
            ["topologySpreadConstraints"] = Tree.List(new Tree
            {
                ["maxSkew"] = 1,
                ["topologyKey"] = topologyKey,
                ["whenUnsatisfiable"] = "DoNotSchedule",
                ["labelSelector"] = new Tree
                {
                    ["matchLabels"] = new Tree { [StrimziDesiredState.ClusterLabel] = _cluster, ["strimzi.io/pool-name"] = pool },
                },
            }),
        },
    };

    private KubernetesObject RebalanceTemplate(string mode) =>
        new(KafkaResources.StrimziApiVersion, "KafkaRebalance", KafkaResources.RebalanceTemplate(_cluster, mode), _ns, KafkaLabels("kafka", clusterLabel: false),
            [KubeObjects.Pair("strimzi.io/rebalance-template", "true")], new Tree { ["spec"] = new Tree() }, "strimzi", ObjectStage.Cluster);
}
