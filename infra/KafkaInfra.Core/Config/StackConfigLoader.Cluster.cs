using System.Globalization;
using System.Text.Json;

namespace KafkaInfra.Core.Config;

/// <summary>The <c>kafka-infra:cluster</c> reader: the cluster block, its <c>strimzi:</c> or <c>msk:</c> mapping and their cross-field rules.</summary>
public static partial class StackConfigLoader
{
    private static ClusterConfig? ReadCluster(Dictionary<string, JsonElement> values, ErrorBag errors, string? awsRegion)
    {
        var path = ConfigKeys.Qualified(ConfigKeys.Cluster);
        if (!values.TryGetValue(ConfigKeys.Cluster, out var element))
        {
            errors.Add(path, "is required; expected a mapping with name, brokers, storageGiB and one of strimzi:, msk: or external:");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be a mapping, got {Describe.Value(element)}");
            return null;
        }

        var r = new ObjectReader(element, path, errors, KeysOf("cluster"));
        var name = r.String("name", required: true, expected: "a Kubernetes-style name such as 'events'");
        if (name is { Length: > 0 } && Names.KubernetesNameProblem(name) is { } nameProblem)
        {
            errors.Add(r.Child("name"), nameProblem);
        }

        var hasStrimzi = r.HasKey("strimzi");
        var hasMsk = r.HasKey("msk");
        var hasExternal = r.HasKey("external");
        if (PlatformChoiceProblem(hasStrimzi, hasMsk, hasExternal) is { } choice)
        {
            errors.Add(path, choice);
        }

        var strimzi = hasStrimzi ? ReadStrimzi(r) : null;
        var msk = hasMsk ? ReadMsk(r, awsRegion) : null;
        var external = hasExternal ? ReadExternal(r) : null;
        if (hasExternal)
        {
            // Only an external stack reaches here without strimzi or msk: its own rules, then the shared ones below are skipped.
            return ReadExternalCluster(r, name, external, strimzi, msk);
        }

        var serverless = msk?.Serverless == true;

        // MSK stacks name their version (Strimzi's default is not one MSK offers); Serverless has none to choose.
        var versionRequired = hasMsk && !hasStrimzi && !serverless;
        var version = r.String("kafkaVersion", required: versionRequired, expected: versionRequired ? $"an MSK Kafka version ({string.Join(", ", ConfigCatalogue.MskKafkaVersions)})" : "a Kafka version such as 4.3.1")
            ?? Defaults.KafkaVersion;
        if (hasStrimzi && !hasMsk && !ConfigCatalogue.StrimziKafkaVersions.Contains(version))
        {
            errors.Add(r.Child("kafkaVersion"), $"must be a Kafka version Strimzi 1.2 runs ({string.Join(", ", ConfigCatalogue.StrimziKafkaVersions)}); got {Describe.Quote(version)}");
        }
        else if (hasMsk && !hasStrimzi && r.Has("kafkaVersion") && !ConfigCatalogue.MskKafkaVersions.Contains(version, StringComparer.Ordinal))
        {
            var suggestion = Suggest.Closest(version, ConfigCatalogue.MskKafkaVersions);
            errors.Add(r.Child("kafkaVersion"), $"must be a Kafka version MSK offers ({string.Join(", ", ConfigCatalogue.MskKafkaVersions)}){(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}; got {Describe.Quote(version)}");
        }

        int brokers = 0, storage = 0;
        if (serverless)
        {
            foreach (var key in new[] { "brokers", "storageGiB", "brokerIngressMBps", "maxPartitionsPerBroker" })
            {
                if (r.Has(key))
                {
                    errors.Add(r.Child(key), "must not be set for MSK Serverless: AWS manages brokers, storage and partitions-per-broker itself");
                }
            }
        }
        else if (strimzi is { NodePools.Count: > 0 } pools)
        {
            // nodePools replaces the short form: brokers and storage come from the broker pools (StackConfigLoader.Strimzi.cs).
            (brokers, storage) = PoolCapacity(r, pools);
        }
        else
        {
            brokers = r.Int(Key("cluster.brokers"), required: true) ?? 0;
            var isExpress = msk?.IsExpress == true;
            if (isExpress)
            {
                if (r.Has("storageGiB"))
                {
                    errors.Add(r.Child("storageGiB"), "must not be set for Express brokers: MSK Express storage is pay-as-you-go and managed by AWS");
                }
            }
            else
            {
                storage = r.Int(Key("cluster.storageGiB"), required: true) ?? 0;
            }
        }

        var ingress = serverless ? null : r.Double(Key("cluster.brokerIngressMBps"));
        var maxPerBroker = serverless ? null : r.Int(Key("cluster.maxPartitionsPerBroker"));
        if (maxPerBroker is not null && hasMsk)
        {
            errors.Add(r.Child("maxPartitionsPerBroker"), "applies to Strimzi only; MSK's limit comes from the instance type");
        }

        // Cross-field rules of the cluster block are checked with the rest of the config, so they are reported together.
        if (msk is { Serverless: false } m && brokers > 0)
        {
            if (m.ClientSubnets.Count > 0 && brokers % m.ClientSubnets.Count != 0)
            {
                errors.Add(r.Child("brokers"), $"must be a multiple of the {m.ClientSubnets.Count} client subnets (MSK puts the same number of brokers in each Availability Zone); got {brokers}. Use {NearestMultiples(brokers, m.ClientSubnets.Count)}");
            }

            if (m.StorageAutoscaling is { } a && !m.IsExpress && storage > 0 && a.MaxGiB <= storage)
            {
                errors.Add(r.Child("msk.storageAutoscaling.maxGiB"), $"must be greater than storageGiB ({storage}) so auto-scaling has room to grow; got {a.MaxGiB}");
            }
        }

        return name is null || ClusterPlatform.Of(strimzi, msk) is not { } platform ? null : new ClusterConfig(name, version, brokers, storage, ingress, maxPerBroker, platform);
    }

    private static string NearestMultiples(int brokers, int subnets)
    {
        var lower = brokers / subnets * subnets;
        var upper = lower + subnets;
        return lower >= subnets
            ? string.Create(CultureInfo.InvariantCulture, $"{lower} or {upper}")
            : upper.ToString(CultureInfo.InvariantCulture);
    }

    private static MskConfig? ReadMsk(ObjectReader cluster, string? awsRegion)
    {
        if (cluster.ObjectOrEmpty("msk", KeysOf("cluster.msk")) is not { } r)
        {
            return null;
        }

        var serverless = r.Bool("serverless", false);
        var instanceType = r.String("instanceType", required: !serverless, expected: "an MSK broker type such as kafka.m7g.large or express.m7g.large");
        if (serverless)
        {
            foreach (var key in new[] { "instanceType", "storageAutoscaling", "provisionedThroughputMiBps", "brokersDrained" })
            {
                if (r.Has(key))
                {
                    r.Errors.Add(r.Child(key), "must not be set for MSK Serverless: AWS manages brokers and storage itself");
                }
            }

            instanceType = null;
        }
        else if (instanceType is { Length: > 0 } && !MskInstanceTypes.IsKnown(instanceType))
        {
            var suggestion = Suggest.Closest(instanceType, MskInstanceTypes.All);
            r.Errors.Add(r.Child("instanceType"), $"must be an MSK broker type ({(suggestion is null ? "kafka.m7g.large, express.m7g.large, ..." : $"did you mean '{suggestion}'?")}); got {Describe.Quote(instanceType)}");
        }

        var subnets = r.StringList("clientSubnets", required: true);
        var express = MskInstanceTypes.Find(instanceType)?.IsExpress == true;
        if (express && r.Has("clientSubnets") && subnets.Count is > 0 and not 3)
        {
            // Express brokers need three subnets in three Availability Zones (platform-facts.md 8.4).
            r.Errors.Add(r.Child("clientSubnets"), string.Create(CultureInfo.InvariantCulture, $"must list exactly 3 subnets in three Availability Zones for Express brokers ({instanceType}), got {subnets.Count}"));
        }
        else if (r.Has("clientSubnets") && subnets.Count is > 0 && subnets.Count is < 2 or > 3)
        {
            r.Errors.Add(r.Child("clientSubnets"), string.Create(CultureInfo.InvariantCulture, $"must list 2 or 3 subnets in different Availability Zones, got {subnets.Count}"));
        }

        if (subnets.Distinct(StringComparer.Ordinal).Count() != subnets.Count)
        {
            r.Errors.Add(r.Child("clientSubnets"), $"must not repeat a subnet, got [{string.Join(", ", subnets)}]");
        }

        var groups = r.StringList("securityGroups", required: true);
        var mechanisms = ReadMskMechanisms(r, serverless);
        var auth = mechanisms[0];
        var tls = mechanisms.Contains(MskAuthentication.Tls);

        MskStorageAutoscalingConfig? autoscaling = null;
        if (!serverless && r.Object("storageAutoscaling", required: false, KeysOf("cluster.msk.storageAutoscaling")) is { } a)
        {
            var max = a.Int(Key("cluster.msk.storageAutoscaling.maxGiB"), required: true);
            var target = a.Int(Key("cluster.msk.storageAutoscaling.targetUtilizationPercent"), @default: Defaults.MskStorageTargetUtilizationPercent);
            if (max is not null && target is not null)
            {
                autoscaling = new MskStorageAutoscalingConfig(max.Value, target.Value);
            }
        }

        var throughput = r.Int(Key("cluster.msk.provisionedThroughputMiBps"));
        var kms = r.String("kmsKeyArn", expected: "a KMS key ARN");
        if (kms is not null && !kms.StartsWith("arn:", StringComparison.Ordinal))
        {
            r.Errors.Add(r.Child("kmsKeyArn"), $"must be a KMS key ARN (arn:aws:kms:...), got {Describe.Quote(kms)}");
        }

        var retention = r.Int(Key("cluster.msk.logRetentionDays"), @default: Defaults.MskLogRetentionDays) ?? Defaults.MskLogRetentionDays;
        if (!ConfigCatalogue.CloudWatchRetentionDays.Contains(retention))
        {
            r.Errors.Add(r.Child("logRetentionDays"), string.Create(CultureInfo.InvariantCulture, $"must be a value CloudWatch Logs accepts ({string.Join(", ", ConfigCatalogue.CloudWatchRetentionDays)}); got {retention}"));
        }

        // The stack's aws:region (what the AWS provider deploys into) unless the cluster names its own.
        var region = r.String("region", expected: "an AWS region such as eu-west-1") ?? (string.IsNullOrEmpty(awsRegion) ? null : awsRegion);
        var drained = r.Bool("brokersDrained", false);
        var caArns = r.StringList("certificateAuthorityArns");
        for (var i = 0; i < caArns.Count; i++)
        {
            if (!ConfigCatalogue.PrivateCaArnPattern().IsMatch(caArns[i]))
            {
                r.Errors.Add($"{r.Child("certificateAuthorityArns")}[{i}]", $"must be an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>), got {Describe.Quote(caArns[i])}");
            }
        }

        if (tls && !serverless && !r.Has("certificateAuthorityArns"))
        {
            r.Errors.Add(r.Child("certificateAuthorityArns"), "is required when authentication lists tls: MSK trusts client certificates issued by these AWS Private CAs; expected a list of certificate-authority ARNs");
        }
        else if (!tls && r.Has("certificateAuthorityArns"))
        {
            r.Errors.Add(r.Child("certificateAuthorityArns"), $"applies only when authentication lists tls (mutual TLS); authentication is {Describe.Quote(string.Join(", ", mechanisms.Select(Name)))}");
        }

        var kedaRole = r.String("kedaRoleArn", expected: "the IAM role ARN of the KEDA operator");
        if (kedaRole is not null && !ConfigCatalogue.RoleArnPattern().IsMatch(kedaRole))
        {
            r.Errors.Add(r.Child("kedaRoleArn"), $"must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>), got {Describe.Quote(kedaRole)}");
        }

        var (adminPrincipal, eksCluster) = ReadMskAccess(r, mechanisms, serverless);
        var config = new MskConfig(instanceType, subnets, groups, auth, autoscaling, serverless, throughput, kms, retention, region, drained, caArns, kedaRole, adminPrincipal, eksCluster)
        {
            AlsoEnabled = [.. mechanisms.Skip(1)],
            VpcConnectivityMechanisms = ReadVpcConnectivity(r, mechanisms, instanceType, serverless),
        };
        if (config.IsExpress)
        {
            if (autoscaling is not null)
            {
                r.Errors.Add(r.Child("storageAutoscaling"), "must not be set for Express brokers: their storage scales automatically");
            }

            if (throughput is not null)
            {
                r.Errors.Add(r.Child("provisionedThroughputMiBps"), "must not be set for Express brokers: they have no EBS volumes");
            }
        }

        return config;
    }
}
