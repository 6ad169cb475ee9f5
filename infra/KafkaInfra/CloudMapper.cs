using KafkaInfra.Core.Desired;
using Pulumi;
using AppAutoScaling = Pulumi.Aws.AppAutoScaling;
using AppAutoScalingInputs = Pulumi.Aws.AppAutoScaling.Inputs;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Iam = Pulumi.Aws.Iam;
using Kafka = Pulumi.Kafka;
using Kms = Pulumi.Aws.Kms;
using Msk = Pulumi.Aws.Msk;
using MskConnect = Pulumi.Aws.MskConnect;
using MskConnectInputs = Pulumi.Aws.MskConnect.Inputs;
using MskInputs = Pulumi.Aws.Msk.Inputs;

namespace KafkaInfra;

/// <summary>Registers one typed resource under a Pulumi name with options.</summary>
internal delegate Resource Declare(string name, CustomResourceOptions options);

/// <summary>
/// Maps each <see cref="CloudResource"/> to its typed Pulumi class by type token, one small function per token.
/// Every function reads properties by their Pulumi schema (camelCase) input names and nothing else: an unknown
/// type token or a property no function reads is an error, raised in the check pass before anything is registered.
/// </summary>
internal static class CloudMapper
{
    private static readonly Dictionary<string, Func<Props, Declare>> Mappers = new(StringComparer.Ordinal)
    {
        ["aws:msk/cluster:Cluster"] = MskCluster,
        ["aws:msk/configuration:Configuration"] = MskConfiguration,
        ["aws:msk/serverlessCluster:ServerlessCluster"] = MskServerlessCluster,
        ["aws:appautoscaling/target:Target"] = ScalingTarget,
        ["aws:appautoscaling/policy:Policy"] = ScalingPolicy,
        ["aws:kms/key:Key"] = KmsKey,
        ["aws:cloudwatch/logGroup:LogGroup"] = LogGroup,
        ["aws:iam/role:Role"] = IamRole,
        ["aws:iam/policy:Policy"] = IamPolicy,
        ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = IamRolePolicyAttachment,
        ["aws:mskconnect/connector:Connector"] = Connector,
        ["aws:mskconnect/customPlugin:CustomPlugin"] = CustomPlugin,
        ["aws:mskconnect/workerConfiguration:WorkerConfiguration"] = WorkerConfiguration,
        ["pulumi:providers:kafka"] = KafkaProvider,
        ["kafka:index/topic:Topic"] = KafkaTopic,
    };

    /// <summary>The type tokens the program maps.</summary>
    public static IReadOnlyCollection<string> Types => Mappers.Keys;

    /// <summary>Reads a resource's properties into typed Args; throws <see cref="MappingException"/> on any drift.</summary>
    public static Declare Map(CloudResource resource, ResourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var mapper = Mappers.GetValueOrDefault(resource.Type)
            ?? throw new MappingException($"has type {resource.Type}, which the program does not map (it maps {string.Join(", ", Mappers.Keys)})");
        var props = new Props(resource.Properties, registry);
        var declare = mapper(props);
        props.EnsureAllRead();
        return declare;
    }

    /// <summary>Maps every resource against placeholders, registering nothing; returns every problem found.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<CloudResource> resources)
    {
        var registry = new ResourceRegistry(resources, dryRun: true);
        var problems = new List<string>();
        foreach (var resource in resources)
        {
            try
            {
                _ = Map(resource, registry);
            }
            catch (MappingException e)
            {
                problems.Add($"resource {resource.Name} ({resource.Type}): {e.Message}");
            }
        }

        return problems;
    }

    /// <summary>The Pulumi options of a cloud resource: protect, ignoreChanges, dependsOn and provider, from Core's options.</summary>
    public static CustomResourceOptions Options(CloudResource resource, Resource? parent, Func<string, Resource> lookup, Func<string, ProviderResource> provider)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var o = resource.Options;
        var options = new CustomResourceOptions
        {
            Parent = parent,
            Protect = o.Protect,
            DependsOn = (o.DependsOn ?? []).Select(lookup).ToArray(),
            Provider = o.Provider is { } name ? provider(name) : null,
        };
        options.IgnoreChanges.AddRange(o.IgnoreChanges ?? []);
        return options;
    }

    // ---------------------------------------------------------------- aws:msk

    private static Declare MskCluster(Props p)
    {
        var args = new Msk.ClusterArgs
        {
            ClusterName = p.OptString("clusterName"),
            KafkaVersion = p.String("kafkaVersion"),
            NumberOfBrokerNodes = p.Int("numberOfBrokerNodes"),
            BrokerNodeGroupInfo = BrokerNodeGroupInfo(p.Child("brokerNodeGroupInfo")),
            ClientAuthentication = Props.Opt(p.OptChild("clientAuthentication"), ClientAuthentication),
            ConfigurationInfo = Props.Opt(p.OptChild("configurationInfo"), c => new MskInputs.ClusterConfigurationInfoArgs { Arn = c.String("arn"), Revision = c.Int("revision") }),
            EncryptionInfo = Props.Opt(p.OptChild("encryptionInfo"), e => new MskInputs.ClusterEncryptionInfoArgs
            {
                EncryptionAtRestKmsKeyArn = e.OptString("encryptionAtRestKmsKeyArn"),
                EncryptionInTransit = Props.Opt(e.OptChild("encryptionInTransit"), t => new MskInputs.ClusterEncryptionInfoEncryptionInTransitArgs
                {
                    ClientBroker = t.OptString("clientBroker"),
                    InCluster = t.OptBool("inCluster"),
                }),
            }),
            EnhancedMonitoring = p.OptString("enhancedMonitoring"),
            LoggingInfo = Props.Opt(p.OptChild("loggingInfo"), l => new MskInputs.ClusterLoggingInfoArgs { BrokerLogs = BrokerLogs(l.Child("brokerLogs")) }),
            OpenMonitoring = Props.Opt(p.OptChild("openMonitoring"), m => new MskInputs.ClusterOpenMonitoringArgs { Prometheus = Prometheus(m.Child("prometheus")) }),
            StorageMode = p.OptString("storageMode"),
            Rebalancing = Props.Opt(p.OptChild("rebalancing"), r => new MskInputs.ClusterRebalancingArgs { Status = r.String("status") }),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new Msk.Cluster(name, args, options);
    }

    private static MskInputs.ClusterBrokerNodeGroupInfoArgs BrokerNodeGroupInfo(Props b) => new()
    {
        InstanceType = b.String("instanceType"),
        ClientSubnets = b.StringList("clientSubnets"),
        SecurityGroups = b.StringList("securityGroups"),
        AzDistribution = b.OptString("azDistribution"),
        StorageInfo = Props.Opt(b.OptChild("storageInfo"), s => new MskInputs.ClusterBrokerNodeGroupInfoStorageInfoArgs
        {
            EbsStorageInfo = Props.Opt(s.OptChild("ebsStorageInfo"), e => new MskInputs.ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoArgs
            {
                VolumeSize = e.OptInt("volumeSize"),
                ProvisionedThroughput = Props.Opt(e.OptChild("provisionedThroughput"), t => new MskInputs.ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoProvisionedThroughputArgs
                {
                    Enabled = t.OptBool("enabled"),
                    VolumeThroughput = t.OptInt("volumeThroughput"),
                }),
            }),
        }),
    };

    private static MskInputs.ClusterClientAuthenticationArgs ClientAuthentication(Props c)
    {
        var args = new MskInputs.ClusterClientAuthenticationArgs
        {
            Sasl = Props.Opt(c.OptChild("sasl"), s => new MskInputs.ClusterClientAuthenticationSaslArgs { Iam = s.OptBool("iam"), Scram = s.OptBool("scram") }),
            Unauthenticated = c.OptBool("unauthenticated"),
        };
        if (c.OptChild("tls") is { } tls)
        {
            var tlsArgs = new MskInputs.ClusterClientAuthenticationTlsArgs();
            tls.IfStringList("certificateAuthorityArns", v => tlsArgs.CertificateAuthorityArns = v);
            args.Tls = tlsArgs;
        }

        return args;
    }

    private static MskInputs.ClusterLoggingInfoBrokerLogsArgs BrokerLogs(Props b) => new()
    {
        CloudwatchLogs = Props.Opt(b.OptChild("cloudwatchLogs"), c => new MskInputs.ClusterLoggingInfoBrokerLogsCloudwatchLogsArgs
        {
            Enabled = c.Bool("enabled"),
            LogGroup = c.OptString("logGroup"),
        }),
    };

    private static MskInputs.ClusterOpenMonitoringPrometheusArgs Prometheus(Props p) => new()
    {
        JmxExporter = Props.Opt(p.OptChild("jmxExporter"), j => new MskInputs.ClusterOpenMonitoringPrometheusJmxExporterArgs { EnabledInBroker = j.Bool("enabledInBroker") }),
        NodeExporter = Props.Opt(p.OptChild("nodeExporter"), n => new MskInputs.ClusterOpenMonitoringPrometheusNodeExporterArgs { EnabledInBroker = n.Bool("enabledInBroker") }),
    };

    private static Declare MskConfiguration(Props p)
    {
        var args = new Msk.ConfigurationArgs
        {
            ServerProperties = p.String("serverProperties"),
            Name = p.OptString("name"),
            Description = p.OptString("description"),
        };
        p.IfStringList("kafkaVersions", v => args.KafkaVersions = v);
        return (name, options) => new Msk.Configuration(name, args, options);
    }

    private static Declare MskServerlessCluster(Props p)
    {
        var iam = p.Child("clientAuthentication").Child("sasl").Child("iam");
        var args = new Msk.ServerlessClusterArgs
        {
            ClusterName = p.OptString("clusterName"),
            ClientAuthentication = new MskInputs.ServerlessClusterClientAuthenticationArgs
            {
                Sasl = new MskInputs.ServerlessClusterClientAuthenticationSaslArgs
                {
                    Iam = new MskInputs.ServerlessClusterClientAuthenticationSaslIamArgs { Enabled = iam.Bool("enabled") },
                },
            },
            VpcConfigs = p.Children("vpcConfigs").Select(v =>
            {
                var vpc = new MskInputs.ServerlessClusterVpcConfigArgs { SubnetIds = v.StringList("subnetIds") };
                v.IfStringList("securityGroupIds", g => vpc.SecurityGroupIds = g);
                return vpc;
            }).ToArray(),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new Msk.ServerlessCluster(name, args, options);
    }

    // ---------------------------------------------------------------- aws:appautoscaling

    private static Declare ScalingTarget(Props p)
    {
        var args = new AppAutoScaling.TargetArgs
        {
            MaxCapacity = p.Int("maxCapacity"),
            MinCapacity = p.Int("minCapacity"),
            ResourceId = p.String("resourceId"),
            ScalableDimension = p.String("scalableDimension"),
            ServiceNamespace = p.String("serviceNamespace"),
            RoleArn = p.OptString("roleArn"),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new AppAutoScaling.Target(name, args, options);
    }

    private static Declare ScalingPolicy(Props p)
    {
        var args = new AppAutoScaling.PolicyArgs
        {
            Name = p.OptString("name"),
            PolicyType = p.OptString("policyType"),
            ResourceId = p.String("resourceId"),
            ScalableDimension = p.String("scalableDimension"),
            ServiceNamespace = p.String("serviceNamespace"),
            TargetTrackingScalingPolicyConfiguration = Props.Opt(p.OptChild("targetTrackingScalingPolicyConfiguration"), t => new AppAutoScalingInputs.PolicyTargetTrackingScalingPolicyConfigurationArgs
            {
                TargetValue = t.Double("targetValue"),
                DisableScaleIn = t.OptBool("disableScaleIn"),
                ScaleInCooldown = t.OptInt("scaleInCooldown"),
                ScaleOutCooldown = t.OptInt("scaleOutCooldown"),
                PredefinedMetricSpecification = Props.Opt(t.OptChild("predefinedMetricSpecification"), m => new AppAutoScalingInputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                {
                    PredefinedMetricType = m.String("predefinedMetricType"),
                    ResourceLabel = m.OptString("resourceLabel"),
                }),
            }),
        };
        return (name, options) => new AppAutoScaling.Policy(name, args, options);
    }

    // ---------------------------------------------------------------- aws:kms, aws:cloudwatch, aws:iam

    private static Declare KmsKey(Props p)
    {
        var args = new Kms.KeyArgs
        {
            Description = p.OptString("description"),
            EnableKeyRotation = p.OptBool("enableKeyRotation"),
            DeletionWindowInDays = p.OptInt("deletionWindowInDays"),
            Policy = p.OptJson("policy"),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new Kms.Key(name, args, options);
    }

    private static Declare LogGroup(Props p)
    {
        var args = new CloudWatch.LogGroupArgs
        {
            Name = p.OptString("name"),
            RetentionInDays = p.OptInt("retentionInDays"),
            KmsKeyId = p.OptString("kmsKeyId"),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new CloudWatch.LogGroup(name, args, options);
    }

    private static Declare IamRole(Props p)
    {
        var args = new Iam.RoleArgs
        {
            AssumeRolePolicy = p.Json("assumeRolePolicy"),
            Name = p.OptString("name"),
            Description = p.OptString("description"),
            Path = p.OptString("path"),
            MaxSessionDuration = p.OptInt("maxSessionDuration"),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new Iam.Role(name, args, options);
    }

    private static Declare IamPolicy(Props p)
    {
        var args = new Iam.PolicyArgs
        {
            // The schema input "policy" is the C# property PolicyDocument (the class is itself named Policy).
            PolicyDocument = p.Json("policy"),
            Name = p.OptString("name"),
            Description = p.OptString("description"),
            Path = p.OptString("path"),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new Iam.Policy(name, args, options);
    }

    private static Declare IamRolePolicyAttachment(Props p)
    {
        var args = new Iam.RolePolicyAttachmentArgs
        {
            Role = p.String("role"),
            PolicyArn = p.String("policyArn"),
        };
        return (name, options) => new Iam.RolePolicyAttachment(name, args, options);
    }

    // ---------------------------------------------------------------- aws:mskconnect

    private static Declare Connector(Props p)
    {
        var cluster = p.Child("kafkaCluster").Child("apacheKafkaCluster");
        var vpc = cluster.Child("vpc");
        var args = new MskConnect.ConnectorArgs
        {
            Name = p.OptString("name"),
            Description = p.OptString("description"),
            KafkaconnectVersion = p.String("kafkaconnectVersion"),
            Capacity = Capacity(p.Child("capacity")),
            ConnectorConfiguration = p.StringMap("connectorConfiguration"),
            KafkaCluster = new MskConnectInputs.ConnectorKafkaClusterArgs
            {
                ApacheKafkaCluster = new MskConnectInputs.ConnectorKafkaClusterApacheKafkaClusterArgs
                {
                    BootstrapServers = cluster.String("bootstrapServers"),
                    Vpc = new MskConnectInputs.ConnectorKafkaClusterApacheKafkaClusterVpcArgs
                    {
                        SecurityGroups = vpc.StringList("securityGroups"),
                        Subnets = vpc.StringList("subnets"),
                    },
                },
            },
            KafkaClusterClientAuthentication = new MskConnectInputs.ConnectorKafkaClusterClientAuthenticationArgs
            {
                AuthenticationType = p.Child("kafkaClusterClientAuthentication").OptString("authenticationType"),
            },
            KafkaClusterEncryptionInTransit = new MskConnectInputs.ConnectorKafkaClusterEncryptionInTransitArgs
            {
                EncryptionType = p.Child("kafkaClusterEncryptionInTransit").OptString("encryptionType"),
            },
            Plugins = p.Children("plugins").Select(plugin =>
            {
                var custom = plugin.Child("customPlugin");
                return new MskConnectInputs.ConnectorPluginArgs
                {
                    CustomPlugin = new MskConnectInputs.ConnectorPluginCustomPluginArgs { Arn = custom.String("arn"), Revision = custom.Int("revision") },
                };
            }).ToArray(),
            ServiceExecutionRoleArn = p.String("serviceExecutionRoleArn"),
            WorkerConfiguration = Props.Opt(p.OptChild("workerConfiguration"), w => new MskConnectInputs.ConnectorWorkerConfigurationArgs { Arn = w.String("arn"), Revision = w.Int("revision") }),
            LogDelivery = Props.Opt(p.OptChild("logDelivery"), l => new MskConnectInputs.ConnectorLogDeliveryArgs
            {
                WorkerLogDelivery = new MskConnectInputs.ConnectorLogDeliveryWorkerLogDeliveryArgs
                {
                    CloudwatchLogs = Props.Opt(l.Child("workerLogDelivery").OptChild("cloudwatchLogs"), c => new MskConnectInputs.ConnectorLogDeliveryWorkerLogDeliveryCloudwatchLogsArgs
                    {
                        Enabled = c.Bool("enabled"),
                        LogGroup = c.OptString("logGroup"),
                    }),
                },
            }),
        };
        p.IfStringMap("tags", v => args.Tags = v);
        return (name, options) => new MskConnect.Connector(name, args, options);
    }

    private static MskConnectInputs.ConnectorCapacityArgs Capacity(Props c) => new()
    {
        Autoscaling = Props.Opt(c.OptChild("autoscaling"), a => new MskConnectInputs.ConnectorCapacityAutoscalingArgs
        {
            MaxWorkerCount = a.Int("maxWorkerCount"),
            MinWorkerCount = a.Int("minWorkerCount"),
            McuCount = a.OptInt("mcuCount"),
            ScaleInPolicy = Props.Opt(a.OptChild("scaleInPolicy"), s => new MskConnectInputs.ConnectorCapacityAutoscalingScaleInPolicyArgs { CpuUtilizationPercentage = s.OptInt("cpuUtilizationPercentage") }),
            ScaleOutPolicy = Props.Opt(a.OptChild("scaleOutPolicy"), s => new MskConnectInputs.ConnectorCapacityAutoscalingScaleOutPolicyArgs { CpuUtilizationPercentage = s.OptInt("cpuUtilizationPercentage") }),
        }),
        ProvisionedCapacity = Props.Opt(c.OptChild("provisionedCapacity"), pc => new MskConnectInputs.ConnectorCapacityProvisionedCapacityArgs
        {
            WorkerCount = pc.Int("workerCount"),
            McuCount = pc.OptInt("mcuCount"),
        }),
    };

    private static Declare CustomPlugin(Props p)
    {
        var s3 = p.Child("location").Child("s3");
        var args = new MskConnect.CustomPluginArgs
        {
            ContentType = p.String("contentType"),
            Name = p.OptString("name"),
            Description = p.OptString("description"),
            Location = new MskConnectInputs.CustomPluginLocationArgs
            {
                S3 = new MskConnectInputs.CustomPluginLocationS3Args
                {
                    BucketArn = s3.String("bucketArn"),
                    FileKey = s3.String("fileKey"),
                    ObjectVersion = s3.OptString("objectVersion"),
                },
            },
        };
        return (name, options) => new MskConnect.CustomPlugin(name, args, options);
    }

    private static Declare WorkerConfiguration(Props p)
    {
        var args = new MskConnect.WorkerConfigurationArgs
        {
            PropertiesFileContent = p.String("propertiesFileContent"),
            Name = p.OptString("name"),
            Description = p.OptString("description"),
        };
        return (name, options) => new MskConnect.WorkerConfiguration(name, args, options);
    }

    // ---------------------------------------------------------------- kafka

    private static Declare KafkaProvider(Props p)
    {
        // ProviderArgs' constructor sets defaults (TLS on, SASL "plain", from KAFKA_* variables too): only what
        // Core sets is assigned, so an absent property keeps the provider's default instead of becoming null.
        var args = new Kafka.ProviderArgs { BootstrapServers = p.StringList("bootstrapServers") };
        p.IfBool("tlsEnabled", v => args.TlsEnabled = v);
        p.IfBool("skipTlsVerify", v => args.SkipTlsVerify = v);
        p.IfString("kafkaVersion", v => args.KafkaVersion = v);
        p.IfString("caCert", v => args.CaCert = v);
        p.IfInt("timeout", v => args.Timeout = v);
        var mechanism = p.OptText("saslMechanism");
        if (mechanism is not null)
        {
            args.SaslMechanism = mechanism;
        }

        // Secrets are never in the desired state: they come from the stack's secret config (kafka: namespace).
        var secrets = new Pulumi.Config("kafka");
        switch (mechanism)
        {
            case "aws-iam":
                args.SaslAwsRegion = p.OptString("saslAwsRegion")
                    ?? new Pulumi.Config("aws").Get("region")
                    ?? throw new MappingException("property saslAwsRegion is missing and aws:region is not set: IAM authentication to MSK signs requests for a region");
                break;
            case "scram-sha512" or "scram-sha256":
                args.SaslUsername = RequireSecret(secrets, "saslUsername", "SCRAM authentication");
                args.SaslPassword = RequireSecret(secrets, "saslPassword", "SCRAM authentication");
                break;
            case null when secrets.GetSecret("clientCert") is { } cert:
                // Mutual TLS: the client certificate and key MSK's private CA issued.
                args.ClientCert = cert;
                args.ClientKey = RequireSecret(secrets, "clientKey", "mutual TLS authentication");
                break;
        }

        return (name, options) => new Kafka.Provider(name, args, options);
    }

    private static Output<string> RequireSecret(Pulumi.Config config, string key, string purpose) =>
        config.GetSecret(key)
        ?? throw new MappingException($"{purpose} needs the secret stack config kafka:{key} (pulumi config set --secret kafka:{key} ...)");

    private static Declare KafkaTopic(Props p)
    {
        var args = new Kafka.TopicArgs
        {
            // Always named explicitly: without a name the provider would auto-name the topic.
            Name = p.String("name"),
            Partitions = p.Int("partitions"),
            ReplicationFactor = p.Int("replicationFactor"),
        };
        p.IfTextMap("config", (k, v) => args.Config.Add(k, v));
        return (name, options) => new Kafka.Topic(name, args, options);
    }
}
