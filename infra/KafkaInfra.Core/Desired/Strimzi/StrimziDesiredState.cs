using System.Text;
using System.Text.RegularExpressions;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>
/// Every Kubernetes object a strimzi: stack needs (Strimzi 1.2 <c>kafka.strimzi.io/v1</c>, KEDA 2.20), deterministic
/// in content and order: namespaces; the Kafka cluster, its node pools and rebalance templates; topics and users;
/// Kafka Connect groups and connectors; ksqlDB servers; KEDA scalers.
/// </summary>
public static partial class StrimziDesiredState
{
    /// <summary>The only Strimzi API version 1.x serves.</summary>
    public const string ApiVersion = "kafka.strimzi.io/v1";

    /// <summary>The label that ties node pools, topics, users and rebalances to their Kafka cluster (connectors: to their Connect group).</summary>
    public const string ClusterLabel = "strimzi.io/cluster";

    /// <summary>
    /// Push-replication annotation of kubernetes-replicator (mittwald): the Secret it is on is copied, and kept in sync,
    /// into the listed namespaces. Put on the cluster CA Secret and on each consumer's KafkaUser Secret so that the
    /// consumer workload and KEDA's TriggerAuthentication find them in the consumer's namespace. Inert when the
    /// replicator is not installed (see docs/strimzi.md for other ways).
    /// </summary>
    public const string ReplicateToAnnotation = "replicator.v1.mittwald.de/replicate-to";

    /// <summary>Name of the dedicated KRaft controller pool.</summary>
    public const string ControllerPool = "controller";

    /// <summary>Name of the broker pool; its replicas are the stack's <c>cluster.brokers</c>.</summary>
    public const string BrokerPool = "broker";

    /// <summary>Metrics the Strimzi Metrics Reporter exposes (regular expressions over the Prometheus names).</summary>
    public static IReadOnlyList<string> MetricsAllowList { get; } =
    [
        "kafka_controller_kafkacontroller_.*",
        "kafka_log_log_size",
        "kafka_network_requestmetrics_requests_total",
        "kafka_server_brokertopicmetrics_.*",
        "kafka_server_replicamanager_.*",
        "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
        "kafka_server_socketservermetrics_connection_count",
    ];

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomainPattern();

    public static DesiredState Build(CapacityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var strimzi = plan.Config.Cluster.Strimzi ?? throw new ArgumentException("not a strimzi: stack (cluster.strimzi is not set)", nameof(plan));
        var r = new Renderer(plan, strimzi);
        var objects = new List<KubernetesObject>();
        objects.AddRange(r.Namespaces());
        objects.AddRange(r.Cluster());
        objects.AddRange(r.Topics());
        objects.AddRange(r.Users());
        objects.AddRange(r.Connect());
        objects.AddRange(r.KsqlDb());
        objects.AddRange(r.Autoscaling());

        // Stable: objects keep their rendering order within a stage.
        return new DesiredState(objects.OrderBy(o => o.Stage).ToList(), []);
    }

    /// <summary>
    /// The <c>metadata.name</c> of a topic's KafkaTopic: the topic name itself when it is a valid Kubernetes name
    /// (a DNS subdomain: lower-case letters, digits, '-' and '.'), else a lower-cased form with '_' turned into '-'
    /// plus a stable hash of the real name, so that names differing only in case or '_' never collide.
    /// </summary>
    public static string TopicResourceName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length <= 253 && DnsSubdomainPattern().IsMatch(topic))
        {
            return topic;
        }

        var sb = new StringBuilder(topic.Length);
        foreach (var ch in topic.ToLowerInvariant())
        {
            sb.Append(ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? ch : '-');
        }

        var body = sb.ToString().Trim('-', '.');
        if (body.Length > 200)
        {
            body = body[..200].TrimEnd('-', '.');
        }

        var hash = KubeObjects.ShortHash(topic);
        return body.Length == 0 ? "topic-" + hash : $"{body}-{hash}";
    }

    /// <summary>One rendering pass over a plan: names are assigned once, then each stage's objects are produced.</summary>
    private sealed class Renderer
    {
        private readonly CapacityPlan _plan;
        private readonly StrimziConfig _strimzi;
        private readonly string _cluster;
        private readonly string _ns;
        private readonly int _defaultRf;
        private readonly int _defaultMinIsr;
        private readonly Dictionary<string, string> _userNames = new(StringComparer.Ordinal);

        public Renderer(CapacityPlan plan, StrimziConfig strimzi)
        {
            _plan = plan;
            _strimzi = strimzi;
            _cluster = plan.Config.Cluster.Name;
            _ns = strimzi.Namespace;
            _defaultRf = Math.Max(1, Math.Min(plan.Config.TopicDefaults.ReplicationFactor, plan.Cluster.Brokers));
            _defaultMinIsr = Math.Max(1, Math.Min(plan.Config.TopicDefaults.MinInsyncReplicas, _defaultRf - 1));
            AssignUserNames();
        }

        private ClientAccess Access => ClientAccess.Strimzi(_cluster, _ns);

        private IReadOnlyList<KeyValuePair<string, string>> KafkaLabels(string app, bool clusterLabel = true) => clusterLabel
            ? KubeObjects.Labels(app, _cluster, KubeObjects.Pair(ClusterLabel, _cluster))
            : KubeObjects.Labels(app, _cluster);

        /// <summary>Namespaces of consumers other than the Kafka namespace, in first-use order.</summary>
        private List<string> ConsumerNamespaces() =>
            _plan.Consumers.Select(c => c.Config.Namespace).Where(n => n != _ns).Distinct(StringComparer.Ordinal).ToList();

        public IEnumerable<KubernetesObject> Namespaces()
        {
            var names = new List<string> { _ns };
            names.AddRange(_plan.Consumers.Select(c => c.Config.Namespace));
            return names.Distinct(StringComparer.Ordinal)
                .Where(n => !KubeObjects.IsBuiltInNamespace(n))
                .Select(n => KubeObjects.Namespace(n, _cluster));
        }

        public IEnumerable<KubernetesObject> Cluster()
        {
            var cruiseControl = _plan.Cluster.Brokers >= 2;
            yield return Kafka(cruiseControl);
            yield return NodePool(ControllerPool, "controller", _strimzi.Controllers, _strimzi.ControllerStorageGiB, null);
            yield return NodePool(BrokerPool, "broker", _plan.Cluster.Brokers, _plan.Cluster.StorageGiB, _strimzi.BrokerResources);
            if (cruiseControl)
            {
                yield return RebalanceTemplate("add-brokers");
                yield return RebalanceTemplate("remove-brokers");
            }
        }

        private static string RebalanceTemplateName(string cluster, string mode) => $"{cluster}-rebalance-{mode}";

        private KubernetesObject Kafka(bool cruiseControl)
        {
            var listeners = new List<object>();
            if (_strimzi.PlainListener)
            {
                listeners.Add(new Tree
                {
                    ["name"] = "plain",
                    ["port"] = StrimziNames.PlainPort,
                    ["type"] = "internal",
                    ["tls"] = false,
                    ["authentication"] = new Tree { ["type"] = "scram-sha-512" },
                });
            }

            listeners.Add(new Tree
            {
                ["name"] = "tls",
                ["port"] = StrimziNames.TlsPort,
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
                    ["values"] = new Tree { ["allowList"] = Tree.ListOf(MetricsAllowList) },
                },
                ["template"] = ConsumerNamespaces().Count == 0
                    ? null
                    : new Tree
                    {
                        ["clusterCaCert"] = new Tree
                        {
                            ["metadata"] = new Tree { ["annotations"] = new Tree { [ReplicateToAnnotation] = string.Join(",", ConsumerNamespaces()) } },
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
                            new Tree { ["mode"] = "add-brokers", ["template"] = new Tree { ["name"] = RebalanceTemplateName(_cluster, "add-brokers") } },
                            new Tree { ["mode"] = "remove-brokers", ["template"] = new Tree { ["name"] = RebalanceTemplateName(_cluster, "remove-brokers") } }),
                    }
                    : null,
                ["kafkaExporter"] = new Tree { ["topicRegex"] = ".*", ["groupRegex"] = ".*" },
            };

            return new KubernetesObject(ApiVersion, "Kafka", _cluster, _ns, KafkaLabels("kafka", clusterLabel: false),
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
            return new KubernetesObject(ApiVersion, "KafkaNodePool", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
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
                        ["matchLabels"] = new Tree { [ClusterLabel] = _cluster, ["strimzi.io/pool-name"] = pool },
                    },
                }),
            },
        };

        private KubernetesObject RebalanceTemplate(string mode) =>
            new(ApiVersion, "KafkaRebalance", RebalanceTemplateName(_cluster, mode), _ns, KafkaLabels("kafka", clusterLabel: false),
                [KubeObjects.Pair("strimzi.io/rebalance-template", "true")], new Tree { ["spec"] = new Tree() }, "strimzi", ObjectStage.Cluster);

        public IEnumerable<KubernetesObject> Topics()
        {
            foreach (var t in _plan.Topics)
            {
                var name = TopicResourceName(t.Name);
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
                yield return new KubernetesObject(ApiVersion, "KafkaTopic", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
                    new Tree { ["spec"] = spec }, "topics", ObjectStage.TopicsAndUsers);
            }
        }

        private static string ConsumerKey(ConsumerConfig c) => $"consumer/{c.Namespace}/{c.Name}";

        private static string ConnectKey(ConnectGroupConfig g) => $"connect/{g.Name}";

        private static string KsqlKey(KsqlDbGroupConfig g) => $"ksqldb/{g.Name}";

        /// <summary>KafkaUser names: <c>&lt;ns&gt;-&lt;consumer&gt;</c>, <c>connect-&lt;group&gt;</c>, <c>ksqldb-&lt;group&gt;</c>; a hash suffix makes a rare clash unique.</summary>
        private void AssignUserNames()
        {
            var wanted = new List<(string Key, string Name)>();
            wanted.AddRange(_plan.Consumers.Select(c => (ConsumerKey(c.Config), $"{c.Config.Namespace}-{c.Name}")));
            wanted.AddRange(_plan.Connect.Select(g => (ConnectKey(g.Config), $"connect-{g.Name}")));
            wanted.AddRange(_plan.KsqlDb.Select(g => (KsqlKey(g.Config), $"ksqldb-{g.Name}")));
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, name) in wanted)
            {
                var unique = taken.Contains(name) ? $"{name}-{KubeObjects.ShortHash(key, 6)}" : name;
                taken.Add(unique);
                _userNames[key] = unique;
            }
        }

        private static Tree Acl(string type, string? name, string patternType, params string[] operations) => new()
        {
            ["resource"] = new Tree { ["type"] = type, ["name"] = name, ["patternType"] = name is null ? null : patternType },
            ["operations"] = Tree.ListOf(operations),
            ["host"] = "*",
        };

        private KubernetesObject User(string name, IReadOnlyList<object> acls, string component, string? replicateTo = null) =>
            new(ApiVersion, "KafkaUser", name, _ns, KafkaLabels("kafka"), KubeObjects.None,
                new Tree
                {
                    ["spec"] = new Tree
                    {
                        ["authentication"] = new Tree { ["type"] = "scram-sha-512" },
                        ["authorization"] = new Tree { ["type"] = "simple", ["acls"] = acls },
                        ["template"] = replicateTo is null
                            ? null
                            : new Tree
                            {
                                ["secret"] = new Tree
                                {
                                    ["metadata"] = new Tree { ["annotations"] = new Tree { [ReplicateToAnnotation] = replicateTo } },
                                },
                            },
                    },
                },
                component, ObjectStage.TopicsAndUsers);

        public IEnumerable<KubernetesObject> Users()
        {
            foreach (var c in _plan.Consumers)
            {
                // Least privilege: read its one topic, join its one group.
                var acls = Tree.List(
                    Acl("topic", c.Topic, "literal", "Read", "Describe"),
                    Acl("group", c.Config.ConsumerGroup, "literal", "Read"));
                yield return User(_userNames[ConsumerKey(c.Config)], acls, "topics", c.Config.Namespace == _ns ? null : c.Config.Namespace);
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

                yield return User(_userNames[ConnectKey(g.Config)], acls, $"connect/{g.Name}");
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

                yield return User(_userNames[KsqlKey(g.Config)], acls, $"ksqldb/{g.Name}");
            }
        }

        public IEnumerable<KubernetesObject> Connect()
        {
            foreach (var g in _plan.Connect)
            {
                var user = _userNames[ConnectKey(g.Config)];
                var component = $"connect/{g.Name}";
                var spec = new Tree
                {
                    ["version"] = _plan.Config.Cluster.KafkaVersion,
                    ["replicas"] = g.Replicas,
                    ["image"] = g.Config.Image,
                    ["bootstrapServers"] = StrimziNames.TlsBootstrap(_cluster, _ns),
                    ["groupId"] = g.GroupId,
                    ["configStorageTopic"] = g.ConfigStorageTopic,
                    ["offsetStorageTopic"] = g.OffsetStorageTopic,
                    ["statusStorageTopic"] = g.StatusStorageTopic,
                    ["tls"] = new Tree
                    {
                        ["trustedCertificates"] = Tree.List(new Tree { ["secretName"] = StrimziNames.ClusterCaSecret(_cluster), ["certificate"] = "ca.crt" }),
                    },
                    ["authentication"] = new Tree
                    {
                        ["type"] = "scram-sha-512",
                        ["username"] = user,
                        ["passwordSecret"] = new Tree { ["secretName"] = user, ["password"] = ClientIdentity.PasswordKey },
                    },
                    ["config"] = new Tree
                    {
                        ["config.storage.replication.factor"] = _defaultRf,
                        ["offset.storage.replication.factor"] = _defaultRf,
                        ["status.storage.replication.factor"] = _defaultRf,
                    },
                    ["resources"] = DeploymentModel.ResourcesTree(g.Config.Resources),
                };
                yield return new KubernetesObject(ApiVersion, "KafkaConnect", g.Name, _ns, KubeObjects.Labels($"connect-{g.Name}", _cluster),
                    [KubeObjects.Pair("strimzi.io/use-connector-resources", "true")], new Tree { ["spec"] = spec }, component, ObjectStage.Connect,
                    ReplicasOwnedByAutoscaler: g.Autoscaled);

                foreach (var c in g.Connectors)
                {
                    var config = new Tree();
                    if (c.Config.Kind == ConnectorKind.Sink)
                    {
                        config["topics"] = string.Join(",", c.Config.Topics);
                    }

                    foreach (var (k, v) in c.Config.Config.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    {
                        config[k] = v;
                    }

                    var connectorSpec = new Tree
                    {
                        ["class"] = c.Config.Class,
                        ["tasksMax"] = c.TasksMax,
                        ["autoRestart"] = new Tree { ["enabled"] = true },
                        ["config"] = config,
                    };
                    yield return new KubernetesObject(ApiVersion, "KafkaConnector", c.Name, _ns,
                        KubeObjects.Labels($"connect-{g.Name}", _cluster, KubeObjects.Pair(ClusterLabel, g.Name)), KubeObjects.None,
                        new Tree { ["spec"] = connectorSpec }, component, ObjectStage.Connect);
                }
            }
        }

        public IEnumerable<KubernetesObject> KsqlDb() =>
            _plan.KsqlDb.SelectMany(g =>
            {
                var user = _userNames[KsqlKey(g.Config)];
                return KsqlDbRenderer.Build(g, _ns, Access, new ClientIdentity(user, user), _cluster);
            });

        public IEnumerable<KubernetesObject> Autoscaling()
        {
            foreach (var c in _plan.Consumers)
            {
                // The consumer's KafkaUser Secret and the cluster CA Secret live in the Kafka namespace; both carry the
                // replicate-to annotation naming the consumer's namespace, where the workload needs them too (docs/strimzi.md).
                var user = _userNames[ConsumerKey(c.Config)];
                foreach (var o in KedaRenderer.ForConsumer(c, Access, new ClientIdentity(user, user), _cluster))
                {
                    yield return o;
                }
            }

            foreach (var g in _plan.Connect.Where(g => g.Autoscaled))
            {
                var user = _userNames[ConnectKey(g.Config)];
                foreach (var o in KedaRenderer.ForConnect(g, g.Name, _ns, Access, new ClientIdentity(user, user), _cluster, $"connect/{g.Name}"))
                {
                    yield return o;
                }
            }
        }
    }
}
