using KafkaInfra.Core.Config;
using KafkaInfra.Core.Desired.Kubernetes;
using KafkaInfra.Core.Planning;

namespace KafkaInfra.Core.Desired.Strimzi;

/// <summary>Kafka Connect groups and connectors, ksqlDB servers, and the KEDA objects that scale consumers and Connect.</summary>
internal sealed partial class StrimziRenderer
{
    public IEnumerable<KubernetesObject> Connect()
    {
        foreach (var g in _plan.Connect)
        {
            var user = _userNames[ConnectKey(g.Config)];
            var component = $"connect/{g.Name}";
            var access = Access(g.Config.Listener);
            var workerConfig = new Tree
            {
                ["config.storage.replication.factor"] = _defaultRf,
                ["offset.storage.replication.factor"] = _defaultRf,
                ["status.storage.replication.factor"] = _defaultRf,

                // KEDA removes workers on purpose: without this, a departed worker's tasks stay unassigned for
                // Kafka's default 5 minutes (platform-facts 8.2, issue 12 item 8).
                ["scheduled.rebalance.max.delay.ms"] = g.Autoscaled ? Defaults.AutoscaledConnectRebalanceDelayMs : null,
            };

            // connect[].workerConfig after the planner's keys; the loader refused the keys Strimzi forbids or the planner sets.
            foreach (var (k, v) in g.Config.WorkerConfig ?? StrimziDefaults.NoConfig)
            {
                workerConfig[k] = TreeJson.ConfigValue(v);
            }

            var spec = new Tree
            {
                ["version"] = _plan.Config.Cluster.KafkaVersion,
                ["replicas"] = g.Replicas,
                ["image"] = g.Config.Image,
                ["build"] = ConnectBuildRenderer.Build(g.Config.Build),
                ["bootstrapServers"] = access.BootstrapServers.ToTreeValue(),
                ["groupId"] = g.GroupId,
                ["configStorageTopic"] = g.ConfigStorageTopic,
                ["offsetStorageTopic"] = g.OffsetStorageTopic,
                ["statusStorageTopic"] = g.StatusStorageTopic,
                ["tls"] = !access.UsesTls ? null : new Tree
                {
                    // A pattern, not the single ca.crt: during a CA key replacement Strimzi keeps the previous CA in the
                    // Secret too, and "*.crt" trusts both (platform-facts 8.2; 041-Crd-kafkaconnect.yaml: certificate or pattern).
                    ["trustedCertificates"] = Tree.List(new Tree { ["secretName"] = KafkaResources.ClusterCaSecret(_cluster), ["pattern"] = KafkaResources.ClusterCaCertPattern }),
                },
                ["authentication"] = access.UsesCertificate
                    ? new Tree
                    {
                        // The User Operator's user.crt / user.key of the group's tls KafkaUser (041-Crd-kafkaconnect.yaml
                        // authentication.certificateAndKey: secretName, certificate, key).
                        ["type"] = "tls",
                        ["certificateAndKey"] = new Tree { ["secretName"] = user, ["certificate"] = ClientIdentity.CertificateKey, ["key"] = ClientIdentity.PrivateKeyKey },
                    }
                    : new Tree
                    {
                        ["type"] = ScramSha512,
                        ["username"] = user,
                        ["passwordSecret"] = new Tree { ["secretName"] = user, ["password"] = ClientIdentity.PasswordKey },
                    },
                ["config"] = workerConfig,
                ["resources"] = DeploymentModel.ResourcesTree(g.Config.Resources),
            };
            yield return new KubernetesObject(KafkaResources.StrimziApiVersion, "KafkaConnect", g.Name, _ns, KubeObjects.Labels($"connect-{g.Name}", _cluster),
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
                yield return new KubernetesObject(KafkaResources.StrimziApiVersion, "KafkaConnector", c.Name, _ns,
                    KubeObjects.Labels($"connect-{g.Name}", _cluster, KubeObjects.Pair(StrimziDesiredState.ClusterLabel, g.Name)), KubeObjects.None,
                    new Tree { ["spec"] = connectorSpec }, component, ObjectStage.Connect);
            }
        }
    }

    public IEnumerable<KubernetesObject> KsqlDb() =>
        _plan.KsqlDb.SelectMany(g =>
        {
            var user = _userNames[KsqlKey(g.Config)];
            return KsqlDbRenderer.Build(g, _ns, Access(g.Config.Listener), new ClientIdentity(user, user), _cluster);
        });

    public IEnumerable<KubernetesObject> Autoscaling()
    {
        if (!HasKedaTriggers)
        {
            yield break;
        }

        // Every trigger logs in as a describe-only user of KEDA's (one per login its listeners need), whose binding
        // Secret the Access Operator writes into KEDA's namespace; its ClusterTriggerAuthentication reads it there. No
        // consumer credential reaches KEDA.
        foreach (var k in KedaIdentities())
        {
            yield return KedaClusterAuthentication(k);
        }

        foreach (var c in _plan.Consumers)
        {
            foreach (var o in KedaRenderer.ForConsumer(c, Access(c.Config.Listener), null, _cluster, KedaAuthenticationFor(c.Config.Listener)))
            {
                yield return o;
            }
        }

        foreach (var g in _plan.Connect.Where(g => g.Autoscaled))
        {
            foreach (var o in KedaRenderer.ForConnect(g, g.Name, _ns, Access(g.Config.Listener), null, _cluster, $"connect/{g.Name}", KedaAuthenticationFor(g.Config.Listener)))
            {
                yield return o;
            }
        }
    }
}
