using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>The Kafka cluster: the Kafka resource, its node pools and the rebalance templates Cruise Control uses.</summary>
internal sealed partial class StrimziRenderer
{
    public IEnumerable<KubernetesObject> Cluster()
    {
        var cruiseControl = _plan.Cluster.Brokers >= KafkaResources.CruiseControlMinBrokers;
        yield return Kafka(cruiseControl);
        yield return NodePool(KafkaResources.ControllerPool, "controller", _strimzi.Controllers, _strimzi.ControllerStorageGiB, null);
        yield return NodePool(KafkaResources.BrokerPool, "broker", _plan.Cluster.Brokers, _plan.Cluster.StorageGiB, _strimzi.BrokerResources);
        if (cruiseControl)
        {
            yield return RebalanceTemplate("add-brokers");
            yield return RebalanceTemplate("remove-brokers");
        }
    }

    private KubernetesObject Kafka(bool cruiseControl)
    {
        var listeners = new List<object>();
        if (_strimzi.PlainListener)
        {
            listeners.Add(new Tree
            {
                ["name"] = "plain",
                ["port"] = KafkaResources.StrimziPlainPort,
                ["type"] = "internal",
                ["tls"] = false,
                ["authentication"] = new Tree { ["type"] = "scram-sha-512" },
            });
        }

        listeners.Add(new Tree
        {
            ["name"] = "tls",
            ["port"] = KafkaResources.StrimziTlsPort,
            ["type"] = "internal",
            ["tls"] = true,
            ["authentication"] = new Tree { ["type"] = "scram-sha-512" },
        });

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

        var kafka = new Tree
        {
            ["version"] = _plan.Config.Cluster.KafkaVersion,
            ["listeners"] = listeners,
            ["authorization"] = new Tree { ["type"] = "simple" },
            ["config"] = config,
            ["rack"] = _strimzi.RackTopologyKey is { } key ? new Tree { ["topologyKey"] = key } : null,
            ["metricsConfig"] = new Tree
            {
                ["type"] = "strimziMetricsReporter",
                ["values"] = new Tree { ["allowList"] = Tree.ListOf(StrimziDesiredState.MetricsAllowList) },
            },
            ["template"] = ConsumerNamespaces().Count == 0
                ? null
                : new Tree
                {
                    ["clusterCaCert"] = new Tree
                    {
                        ["metadata"] = new Tree { ["annotations"] = new Tree { [StrimziDesiredState.ReplicateToAnnotation] = string.Join(",", ConsumerNamespaces()) } },
                    },
                },
        };

        var spec = new Tree
        {
            ["kafka"] = kafka,
            ["entityOperator"] = new Tree { ["topicOperator"] = new Tree(), ["userOperator"] = new Tree() },
            ["cruiseControl"] = cruiseControl
                ? new Tree
                {
                    ["autoRebalance"] = Tree.List(
                        new Tree { ["mode"] = "add-brokers", ["template"] = new Tree { ["name"] = KafkaResources.RebalanceTemplate(_cluster, "add-brokers") } },
                        new Tree { ["mode"] = "remove-brokers", ["template"] = new Tree { ["name"] = KafkaResources.RebalanceTemplate(_cluster, "remove-brokers") } }),
                }
                : null,
            ["kafkaExporter"] = new Tree { ["topicRegex"] = ".*", ["groupRegex"] = ".*" },
        };

        return new KubernetesObject(KafkaResources.StrimziApiVersion, "Kafka", _cluster, _ns, KafkaLabels("kafka", clusterLabel: false),
            [KubeObjects.Pair("pulumi.com/waitFor", "condition=Ready")], new Tree { ["spec"] = spec }, "strimzi", ObjectStage.Cluster);
    }

    private KubernetesObject NodePool(string name, string role, int replicas, int storageGiB, ResourcesConfig? resources)
    {
        var volume = new Tree
        {
            ["id"] = 0,
            ["type"] = "persistent-claim",
            ["size"] = $"{storageGiB}Gi",
            ["class"] = _strimzi.StorageClass,
            ["deleteClaim"] = false,
            ["kraftMetadata"] = "shared",
        };
        var spec = new Tree
        {
            ["replicas"] = replicas,
            ["roles"] = Tree.List(role),
            ["storage"] = new Tree { ["type"] = "jbod", ["volumes"] = Tree.List(volume) },
            ["resources"] = DeploymentModel.ResourcesTree(resources),
            ["template"] = _strimzi.RackTopologyKey is { } key ? ZoneSpread(name, key) : null,
        };
        return new KubernetesObject(KafkaResources.StrimziApiVersion, "KafkaNodePool", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
            new Tree { ["spec"] = spec }, "strimzi", ObjectStage.Cluster);
    }

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
