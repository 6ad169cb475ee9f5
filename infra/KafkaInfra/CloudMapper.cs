using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Desired.Msk;
using Pulumi;
using AppAutoScaling = Pulumi.Aws.AppAutoScaling;
using AppAutoScalingInputs = Pulumi.Aws.AppAutoScaling.Inputs;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Eks = Pulumi.Aws.Eks;
using Iam = Pulumi.Aws.Iam;
using Kafka = Pulumi.Kafka;
using Kms = Pulumi.Aws.Kms;
using Msk = Pulumi.Aws.Msk;
using MskConnect = Pulumi.Aws.MskConnect;
using MskConnectInputs = Pulumi.Aws.MskConnect.Inputs;
using MskInputs = Pulumi.Aws.Msk.Inputs;
using SecretsManager = Pulumi.Aws.SecretsManager;

namespace KafkaInfra;

/// <summary>
/// Declares each <see cref="CloudResource"/> as its typed Pulumi resource: one switch on the spec's type, assigning
/// every input to the <c>Args</c> property of the same name, so the compiler checks each name and type. A spec
/// type the switch does not know fails (and a test runs every type of <see cref="CloudSpecs.All"/> through it).
/// </summary>
internal static partial class CloudMapper
{
    /// <summary>Registers the resource under <paramref name="name"/>.</summary>
    public static Resource Declare(CloudResource resource, string name, CustomResourceOptions options, CloudRegistry refs)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Spec switch
        {
            KmsKeySpec s => new Kms.Key(name, new Kms.KeyArgs { Description = s.Description, EnableKeyRotation = s.EnableKeyRotation, Tags = Map(s.Tags) }, options),
            LogGroupSpec s => new CloudWatch.LogGroup(name, new CloudWatch.LogGroupArgs { Name = s.Name, RetentionInDays = s.RetentionInDays, Tags = Map(s.Tags) }, options),
            MskConfigurationSpec s => new Msk.Configuration(name, new Msk.ConfigurationArgs { Name = s.Name, Description = s.Description, ServerProperties = s.ServerProperties }, options),
            MskClusterSpec s => new Msk.Cluster(name, Cluster(s, refs), options),
            MskServerlessClusterSpec s => new Msk.ServerlessCluster(name, ServerlessCluster(s), options),
            ScalingTargetSpec s => new AppAutoScaling.Target(name, new AppAutoScaling.TargetArgs
            {
                ServiceNamespace = s.ServiceNamespace,
                ScalableDimension = s.ScalableDimension,
                ResourceId = refs.Resolve(s.ResourceId),
                MinCapacity = s.MinCapacity,
                MaxCapacity = s.MaxCapacity,
                Tags = Map(s.Tags),
            }, options),
            ScalingPolicySpec s => new AppAutoScaling.Policy(name, ScalingPolicy(s, refs), options),
            KafkaProviderSpec s => new Kafka.Provider(name, KafkaProvider(s, refs), options),
            KafkaTopicSpec s => new Kafka.Topic(name, Topic(s), options),
            IamPolicySpec s => new Iam.Policy(name, new Iam.PolicyArgs
            {
                Description = s.Description,
                // The schema input "policy" is the C# property PolicyDocument (the class is itself named Policy).
                PolicyDocument = refs.Policy(s.Policy),
                Tags = Map(s.Tags),
            }, options),
            IamRoleSpec s => new Iam.Role(name, new Iam.RoleArgs { Name = s.Name, Description = s.Description, AssumeRolePolicy = refs.Policy(s.AssumeRolePolicy), Tags = Map(s.Tags) }, options),
            RolePolicyAttachmentSpec s => new Iam.RolePolicyAttachment(name, new Iam.RolePolicyAttachmentArgs { Role = refs.Resolve(s.Role), PolicyArn = refs.Resolve(s.PolicyArn) }, options),
            CustomPluginSpec s => new MskConnect.CustomPlugin(name, new MskConnect.CustomPluginArgs
            {
                Name = s.Name,
                Description = s.Description,
                ContentType = s.ContentType,
                Location = new MskConnectInputs.CustomPluginLocationArgs
                {
                    S3 = new MskConnectInputs.CustomPluginLocationS3Args { BucketArn = s.Location.S3.BucketArn, FileKey = s.Location.S3.FileKey },
                },
            }, options),
            WorkerConfigurationSpec s => new MskConnect.WorkerConfiguration(name, new MskConnect.WorkerConfigurationArgs
            {
                Name = s.Name,
                Description = s.Description,
                PropertiesFileContent = s.PropertiesFileContent,
            }, options),
            ConnectorSpec s => new MskConnect.Connector(name, Connector(s, refs), options),
            SecretSpec s => new SecretsManager.Secret(name, new SecretsManager.SecretArgs { Name = s.Name, Description = s.Description, KmsKeyId = refs.Resolve(s.KmsKeyId), Tags = Map(s.Tags) }, options),
            ScramSecretVersionSpec s => new SecretsManager.SecretVersion(name, new SecretsManager.SecretVersionArgs { SecretId = refs.Resolve(s.SecretId), SecretString = Output.CreateSecret(ScramSecretString(s)) }, options),
            ScramSecretAssociationSpec s => new Msk.ScramSecretAssociation(name, new Msk.ScramSecretAssociationArgs
            {
                ClusterArn = refs.Resolve(s.ClusterArn),
                SecretArnLists = s.SecretArnLists.Select(refs.Resolve).ToArray(),
            }, options),
            KafkaAclSpec s => new Kafka.Acl(name, new Kafka.AclArgs
            {
                AclPrincipal = s.AclPrincipal,
                AclHost = s.AclHost,
                AclOperation = s.AclOperation,
                AclPermissionType = s.AclPermissionType,
                AclResourceName = s.AclResourceName,
                AclResourceType = s.AclResourceType,
                ResourcePatternTypeFilter = s.ResourcePatternTypeFilter,
            }, options),
            KafkaQuotaSpec s => new Kafka.Quota(name, Quota(s), options),
            PodIdentityAssociationSpec s => new Eks.PodIdentityAssociation(name, new Eks.PodIdentityAssociationArgs
            {
                ClusterName = s.ClusterName,
                Namespace = s.Namespace,
                ServiceAccount = s.ServiceAccount,
                RoleArn = refs.Resolve(s.RoleArn),
                Tags = Map(s.Tags),
            }, options),
            var other => throw new MappingException($"resource {resource.Name}: the program has no mapping for {other.GetType().Name}"),
        };
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

    private static Msk.ClusterArgs Cluster(MskClusterSpec s, CloudRegistry refs)
    {
        var b = s.BrokerNodeGroupInfo;
        var auth = s.ClientAuthentication;
        var args = new Msk.ClusterArgs
        {
            ClusterName = s.ClusterName,
            KafkaVersion = s.KafkaVersion,
            NumberOfBrokerNodes = s.NumberOfBrokerNodes,
            BrokerNodeGroupInfo = new MskInputs.ClusterBrokerNodeGroupInfoArgs
            {
                InstanceType = b.InstanceType,
                ClientSubnets = List(b.ClientSubnets),
                SecurityGroups = List(b.SecurityGroups),
                ConnectivityInfo = Opt(ConnectivityInfo(b.ConnectivityInfo)),
                StorageInfo = Opt(b.StorageInfo is not { EbsStorageInfo: var ebs } ? null : new MskInputs.ClusterBrokerNodeGroupInfoStorageInfoArgs
                {
                    EbsStorageInfo = new MskInputs.ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoArgs
                    {
                        VolumeSize = ebs.VolumeSize,
                        ProvisionedThroughput = Opt(ebs.ProvisionedThroughput is not { } t ? null : new MskInputs.ClusterBrokerNodeGroupInfoStorageInfoEbsStorageInfoProvisionedThroughputArgs
                        {
                            Enabled = t.Enabled,
                            VolumeThroughput = t.VolumeThroughput,
                        }),
                    },
                }),
            },
            ConfigurationInfo = new MskInputs.ClusterConfigurationInfoArgs
            {
                Arn = refs.Output(s.ConfigurationInfo.Arn),
                Revision = refs.Revision(s.ConfigurationInfo.Revision),
            },
            EncryptionInfo = new MskInputs.ClusterEncryptionInfoArgs
            {
                EncryptionAtRestKmsKeyArn = refs.Resolve(s.EncryptionInfo.EncryptionAtRestKmsKeyArn),
                EncryptionInTransit = new MskInputs.ClusterEncryptionInfoEncryptionInTransitArgs
                {
                    ClientBroker = s.EncryptionInfo.EncryptionInTransit.ClientBroker,
                    InCluster = s.EncryptionInfo.EncryptionInTransit.InCluster,
                },
            },
            ClientAuthentication = new MskInputs.ClusterClientAuthenticationArgs
            {
                Sasl = Opt(auth.Sasl is not { } sasl ? null : new MskInputs.ClusterClientAuthenticationSaslArgs { Iam = sasl.Iam, Scram = sasl.Scram }),
                Tls = Opt(auth.Tls is not { } tls ? null : new MskInputs.ClusterClientAuthenticationTlsArgs { CertificateAuthorityArns = List(tls.CertificateAuthorityArns) }),
                Unauthenticated = auth.Unauthenticated,
            },
            OpenMonitoring = new MskInputs.ClusterOpenMonitoringArgs
            {
                Prometheus = new MskInputs.ClusterOpenMonitoringPrometheusArgs
                {
                    JmxExporter = new MskInputs.ClusterOpenMonitoringPrometheusJmxExporterArgs { EnabledInBroker = s.OpenMonitoring.Prometheus.JmxExporter.EnabledInBroker },
                    NodeExporter = new MskInputs.ClusterOpenMonitoringPrometheusNodeExporterArgs { EnabledInBroker = s.OpenMonitoring.Prometheus.NodeExporter.EnabledInBroker },
                },
            },
            LoggingInfo = new MskInputs.ClusterLoggingInfoArgs
            {
                BrokerLogs = new MskInputs.ClusterLoggingInfoBrokerLogsArgs
                {
                    CloudwatchLogs = new MskInputs.ClusterLoggingInfoBrokerLogsCloudwatchLogsArgs
                    {
                        Enabled = s.LoggingInfo.BrokerLogs.CloudwatchLogs.Enabled,
                        LogGroup = refs.Resolve(s.LoggingInfo.BrokerLogs.CloudwatchLogs.LogGroup),
                    },
                },
            },
            Rebalancing = Opt(s.Rebalancing is not { } r ? null : new MskInputs.ClusterRebalancingArgs { Status = r.Status }),
            Tags = Map(s.Tags),
        };
        return args;
    }

    private static Msk.ServerlessClusterArgs ServerlessCluster(MskServerlessClusterSpec s) => new()
    {
        ClusterName = s.ClusterName,
        ClientAuthentication = new MskInputs.ServerlessClusterClientAuthenticationArgs
        {
            Sasl = new MskInputs.ServerlessClusterClientAuthenticationSaslArgs
            {
                Iam = new MskInputs.ServerlessClusterClientAuthenticationSaslIamArgs { Enabled = s.ClientAuthentication.Sasl.Iam.Enabled },
            },
        },
        VpcConfigs = s.VpcConfigs.Select(v => new MskInputs.ServerlessClusterVpcConfigArgs
        {
            SubnetIds = List(v.SubnetIds),
            SecurityGroupIds = List(v.SecurityGroupIds),
        }).ToArray(),
        Tags = Map(s.Tags),
    };

    private static AppAutoScaling.PolicyArgs ScalingPolicy(ScalingPolicySpec s, CloudRegistry refs) => new()
    {
        Name = s.Name,
        PolicyType = s.PolicyType,
        ServiceNamespace = s.ServiceNamespace,
        ScalableDimension = s.ScalableDimension,
        ResourceId = refs.Resolve(s.ResourceId),
        TargetTrackingScalingPolicyConfiguration = new AppAutoScalingInputs.PolicyTargetTrackingScalingPolicyConfigurationArgs
        {
            TargetValue = s.TargetTrackingScalingPolicyConfiguration.TargetValue,
            DisableScaleIn = s.TargetTrackingScalingPolicyConfiguration.DisableScaleIn,
            PredefinedMetricSpecification = new AppAutoScalingInputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
            {
                PredefinedMetricType = s.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType,
            },
        },
    };

    /// <summary>
    /// ProviderArgs' constructor sets defaults (TLS on, SASL "plain", from KAFKA_* variables too): every input is
    /// assigned, and secrets come from the stack's secret config (kafka: namespace), never from the spec.
    /// </summary>
    private static Kafka.ProviderArgs KafkaProvider(KafkaProviderSpec s, CloudRegistry refs)
    {
        var args = new Kafka.ProviderArgs
        {
            BootstrapServers = refs.SplitList(s.BootstrapServers),
            TlsEnabled = s.TlsEnabled,
            KafkaVersion = s.KafkaVersion,
        };
        var secrets = new Pulumi.Config("kafka");
        // A cluster whose certificates a private CA signed (an external cluster's, usually): the CA from stack config.
        if (secrets.Get(Key(KafkaInfra.Core.Desired.External.ExternalDesiredState.CaCertConfigKey)) is { } ca)
        {
            args.CaCert = ca;
        }

        switch (s.SaslMechanism)
        {
            case KafkaSaslMechanism.AwsIam:
                args.SaslMechanism = KafkaProviderSpec.MechanismName(KafkaSaslMechanism.AwsIam);
                args.SaslAwsRegion = s.SaslAwsRegion
                    ?? new Pulumi.Config("aws").Get("region")
                    ?? throw new MappingException("saslAwsRegion is missing and aws:region is not set: IAM authentication to MSK signs requests for a region");
                break;
            case KafkaSaslMechanism.ScramSha512:
                args.SaslMechanism = KafkaProviderSpec.MechanismName(KafkaSaslMechanism.ScramSha512);
                args.SaslUsername = s.SaslUsername ?? throw new MappingException("SCRAM authentication needs the provider's user name");
                args.SaslPassword = RequireSecret(secrets, MskCloudResources.ScramPasswordConfigKey, "SCRAM authentication");
                break;
            case null when secrets.GetSecret(Key(MskCloudResources.ClientCertConfigKey)) is { } cert:
                // Mutual TLS: the client certificate and key MSK's private CA issued.
                args.ClientCert = cert;
                args.ClientKey = RequireSecret(secrets, MskCloudResources.ClientKeyConfigKey, "mutual TLS authentication");
                break;
        }

        return args;
    }

    /// <summary>Null when the secrets the provider spec needs are in the stack's secret config, else what is missing.</summary>
    public static string? MissingSecret(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var key = resource.Spec switch
        {
            KafkaProviderSpec { SaslMechanism: KafkaSaslMechanism.ScramSha512 } => MskCloudResources.ScramPasswordConfigKey,
            ScramSecretVersionSpec v => v.PasswordConfigKey,
            _ => null,
        };
        if (key is null || SecretConfig(key) is not null)
        {
            return null;
        }

        return $"resource {resource.Name} ({resource.Type}): SCRAM authentication needs the secret stack config {key} (pulumi config set --secret {key} ...)";
    }

    /// <summary>A secret config value by its qualified key (<c>namespace:name</c>), or null when it is not set.</summary>
    private static Output<string>? SecretConfig(string qualifiedKey) =>
        new Pulumi.Config(qualifiedKey[..qualifiedKey.IndexOf(':', StringComparison.Ordinal)]).GetSecret(Key(qualifiedKey));

    /// <summary>
    /// MSK's SCRAM secret JSON, <c>{"username": ..., "password": ...}</c>, built inside the secret output so the
    /// password never leaves it (Pulumi keeps the result secret).
    /// </summary>
    internal static Output<string> ScramSecretString(ScramSecretVersionSpec s) =>
        (SecretConfig(s.PasswordConfigKey) ?? throw new MappingException($"SCRAM user {s.Username} needs the secret stack config {s.PasswordConfigKey} (pulumi config set --secret {s.PasswordConfigKey} ...)"))
            .Apply(password => System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["password"] = password, ["username"] = s.Username }));

    private static Output<string> RequireSecret(Pulumi.Config config, string qualifiedKey, string purpose) =>
        config.GetSecret(Key(qualifiedKey))
        ?? throw new MappingException($"{purpose} needs the secret stack config {qualifiedKey} (pulumi config set --secret {qualifiedKey} ...)");

    /// <summary>The key within the <c>kafka:</c> namespace (<c>kafka:saslUsername</c> → <c>saslUsername</c>).</summary>
    private static string Key(string qualifiedKey) => qualifiedKey[(qualifiedKey.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static Kafka.TopicArgs Topic(KafkaTopicSpec s)
    {
        var args = new Kafka.TopicArgs { Name = s.Name, Partitions = s.Partitions, ReplicationFactor = s.ReplicationFactor };
        foreach (var (k, v) in s.Config)
        {
            // Entry by entry through the Args' own map (created on first use), whatever map type the SDK declares.
            args.Config.Add(k, v);
        }

        return args;
    }

    /// <summary>
    /// The quota's config map: pulumi-kafka 3.13 declares it a map of strings (the bridged Terraform schema,
    /// terraform-provider-kafka <c>kafka_quota</c>, reads the values as numbers), so the decimal strings pass as they are.
    /// </summary>
    private static Kafka.QuotaArgs Quota(KafkaQuotaSpec s)
    {
        var args = new Kafka.QuotaArgs { EntityName = s.EntityName, EntityType = s.EntityType };
        foreach (var (k, v) in s.Config)
        {
            args.Config.Add(k, v);
        }

        return args;
    }

    private static MskConnect.ConnectorArgs Connector(ConnectorSpec s, CloudRegistry refs)
    {
        var cluster = s.KafkaCluster.ApacheKafkaCluster;
        return new MskConnect.ConnectorArgs
        {
            Name = s.Name,
            Description = s.Description,
            KafkaconnectVersion = s.KafkaconnectVersion,
            Capacity = new MskConnectInputs.ConnectorCapacityArgs
            {
                Autoscaling = Opt(s.Capacity.Autoscaling is not { } a ? null : new MskConnectInputs.ConnectorCapacityAutoscalingArgs
                {
                    McuCount = a.McuCount,
                    MinWorkerCount = a.MinWorkerCount,
                    MaxWorkerCount = a.MaxWorkerCount,
                    ScaleInPolicy = new MskConnectInputs.ConnectorCapacityAutoscalingScaleInPolicyArgs { CpuUtilizationPercentage = a.ScaleInPolicy.CpuUtilizationPercentage },
                    ScaleOutPolicy = new MskConnectInputs.ConnectorCapacityAutoscalingScaleOutPolicyArgs { CpuUtilizationPercentage = a.ScaleOutPolicy.CpuUtilizationPercentage },
                }),
                ProvisionedCapacity = Opt(s.Capacity.ProvisionedCapacity is not { } p ? null : new MskConnectInputs.ConnectorCapacityProvisionedCapacityArgs
                {
                    McuCount = p.McuCount,
                    WorkerCount = p.WorkerCount,
                }),
            },
            ConnectorConfiguration = Map(s.ConnectorConfiguration),
            KafkaCluster = new MskConnectInputs.ConnectorKafkaClusterArgs
            {
                ApacheKafkaCluster = new MskConnectInputs.ConnectorKafkaClusterApacheKafkaClusterArgs
                {
                    BootstrapServers = refs.Resolve(cluster.BootstrapServers),
                    Vpc = new MskConnectInputs.ConnectorKafkaClusterApacheKafkaClusterVpcArgs
                    {
                        SecurityGroups = List(cluster.Vpc.SecurityGroups),
                        Subnets = List(cluster.Vpc.Subnets),
                    },
                },
            },
            KafkaClusterClientAuthentication = new MskConnectInputs.ConnectorKafkaClusterClientAuthenticationArgs
            {
                AuthenticationType = s.KafkaClusterClientAuthentication.AuthenticationType,
            },
            KafkaClusterEncryptionInTransit = new MskConnectInputs.ConnectorKafkaClusterEncryptionInTransitArgs
            {
                EncryptionType = s.KafkaClusterEncryptionInTransit.EncryptionType,
            },
            Plugins = s.Plugins.Select(plugin => new MskConnectInputs.ConnectorPluginArgs
            {
                CustomPlugin = new MskConnectInputs.ConnectorPluginCustomPluginArgs
                {
                    Arn = refs.Output(plugin.CustomPlugin.Arn),
                    Revision = refs.Revision(plugin.CustomPlugin.Revision),
                },
            }).ToArray(),
            WorkerConfiguration = new MskConnectInputs.ConnectorWorkerConfigurationArgs
            {
                Arn = refs.Output(s.WorkerConfiguration.Arn),
                Revision = refs.Revision(s.WorkerConfiguration.Revision),
            },
            ServiceExecutionRoleArn = refs.Resolve(s.ServiceExecutionRoleArn),
            Tags = Map(s.Tags),
            LogDelivery = Opt(s.LogDelivery is not { WorkerLogDelivery.CloudwatchLogs: var logs } ? null : new MskConnectInputs.ConnectorLogDeliveryArgs
            {
                WorkerLogDelivery = new MskConnectInputs.ConnectorLogDeliveryWorkerLogDeliveryArgs
                {
                    CloudwatchLogs = new MskConnectInputs.ConnectorLogDeliveryWorkerLogDeliveryCloudwatchLogsArgs { Enabled = logs.Enabled, LogGroup = refs.Resolve(logs.LogGroup) },
                },
            }),
        };
    }

    /// <summary>An optional nested input: null stays unset.</summary>
    private static Input<T>? Opt<T>(T? value)
        where T : class => value is null ? null : (Input<T>)value;

    private static InputList<string> List(IReadOnlyList<string> items) => items.ToArray();

    private static InputMap<string> Map(StringMap pairs)
    {
        var map = new InputMap<string>();
        foreach (var (k, v) in pairs)
        {
            map.Add(k, v);
        }

        return map;
    }
}
