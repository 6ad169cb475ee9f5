using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>The rules of the platform itself: its own settings, and what the deployed cluster allows to change.</summary>
internal sealed partial class PlanContext
{
    private void CheckPlatform()
    {
        var c = config.Cluster;
        if (Platform is StrimziPlatform { Config: var s })
        {
            if (s.PlainListener && config.IsProd)
            {
                Error($"{ClusterPath}.strimzi.plainListener", "must be false in prod: a plain listener sends data and SCRAM credentials unencrypted; got true");
            }
            else if (s.PlainListener)
            {
                Warn($"{ClusterPath}.strimzi.plainListener", "adds an unencrypted (SCRAM-authenticated) listener on port 9092 (allowed in dev only)");
            }

            var controllers = s.ControllerCount;
            var controllersPath = s.NodePools.Count == 0 ? $"{ClusterPath}.strimzi.controllers" : $"{ClusterPath}.strimzi.nodePools";
            if (controllers % 2 == 0)
            {
                Warn(controllersPath, $"{controllers} KRaft controllers tolerate no more failures than {controllers - 1}; use an odd number");
            }

            if (config.IsProd && controllers < 3)
            {
                Error(controllersPath, $"must give >= 3 controllers in prod so the KRaft quorum survives losing a controller; got {controllers}");
            }

            CheckStrimziShape(s);
        }

        if (Platform is ExternalPlatform external)
        {
            CheckExternal(external.Config);
        }

        if (Platform is MskPlatform msk)
        {
            CheckMskConnect(msk.Config);
            CheckMskKsqlDbImage(msk);
            CheckMskAccess(msk.Config);
            CheckMskMechanisms(msk);
        }
        else
        {
            WarnMskOnlySettings();
            WarnMskMechanismChoices();
        }

        if (Profile.HasStorage && c.Msk?.StorageAutoscaling is not null && deployed.StorageGiB is { } floor && c.StorageGiB > floor)
        {
            Warn($"{ClusterPath}.storageGiB", $"grows from {floor} to {c.StorageGiB} GiB with storage auto scaling on: this run applies {c.StorageGiB} GiB to every broker (the volume size is not ignored for this one run) and raises the auto-scaling minimum. If auto scaling has already grown the volumes beyond {c.StorageGiB} GiB, MSK refuses the smaller size: check the current size first (`pulumi preview --refresh` shows it) and set storageGiB at or above it");
        }

        if (Profile.HasBrokers && deployed.Brokers is { } oldBrokers && c.Brokers < oldBrokers)
        {
            if (Platform is MskPlatform { Config: var mskConfig })
            {
                CheckMskBrokerRemoval(mskConfig, oldBrokers, c.Brokers);
            }
            else if (Platform is StrimziPlatform)
            {
                Warn($"{ClusterPath}.brokers", $"decreases from {oldBrokers} to {c.Brokers}: Cruise Control's remove-brokers auto-rebalance moves every replica off the removed brokers before Strimzi deletes them; this takes time and network bandwidth");
            }
        }

        if (deployed.Brokers is { } grownFrom && InternalTopicReplication.GrowthNote(config, grownFrom, c.Brokers) is { } note)
        {
            Warn($"{ClusterPath}.brokers", $"grows from {grownFrom} to {c.Brokers}: {note}");
        }

        if (Profile.HasStorage && deployed.StorageGiB is { } oldStorage && c.StorageGiB < oldStorage)
        {
            Error($"{ClusterPath}.storageGiB", $"decreases from {oldStorage} to {c.StorageGiB} GiB: broker storage can only grow (neither Kafka volumes on Kubernetes nor MSK EBS volumes can shrink)");
        }
    }

    /// <summary>
    /// MSK removes brokers only from M5 and M7g Standard clusters, exactly one broker per Availability Zone in one
    /// operation, and only once no partition replica is left on them (AWS MSK Developer Guide, "Remove a broker from an
    /// Amazon MSK cluster", msk-remove-broker; platform-facts.md 8.4). Every other decrease is refused with the steps.
    /// </summary>
    private void CheckMskBrokerRemoval(MskConfig msk, int from, int to)
    {
        var path = $"{ClusterPath}.brokers";
        var azs = msk.ClientSubnets.Count;
        var type = msk.InstanceType ?? "";
        const string Rebalance = "`kafka-infra rebalance --current <current.json> --brokers <every broker id> --racks <id:az,...> --remove <one broker id per AZ>` writes the reassignment that moves every replica off them; apply it with kafka-reassign-partitions.sh --execute and wait for --verify";
        if (!type.StartsWith("kafka.m5.", StringComparison.Ordinal) && !type.StartsWith("kafka.m7g.", StringComparison.Ordinal))
        {
            Error(path, $"decreases from {from} to {to}, but MSK removes brokers only from kafka.m5.* and kafka.m7g.* clusters (this one is {Describe.Quote(type)}): keep {from} brokers, or create a smaller cluster in a second stack and move the topics and clients to it");
            return;
        }

        if (azs > 0 && from - to != azs)
        {
            var next = from - azs;
            Error(path, $"decreases from {from} to {to}, but MSK removes exactly one broker per Availability Zone in one operation: with {azs} client subnets, one run goes from {from} to {next}. Set {next}, and repeat per step: drain the {azs} brokers being removed ({Rebalance}), set cluster.msk.brokersDrained: true, run `pulumi up`, then set it back to false");
            return;
        }

        if (!msk.BrokersDrained)
        {
            Error(path, $"decreases from {from} to {to}: MSK removes a broker only once no partition replica is left on it. Move the replicas off the {from - to} brokers being removed first ({Rebalance}), then set cluster.msk.brokersDrained: true to acknowledge it");
        }
    }

    /// <summary>MSK Connect runs each connector as its own worker cluster from a custom plugin, authenticated with IAM.</summary>
    private void CheckMskConnect(MskConfig msk)
    {
        // MSK Connect's kafkaClusterClientAuthentication is IAM or NONE (MSK Connect API reference,
        // KafkaClusterClientAuthentication): Connect groups always use IAM, which the cluster must enable (not necessarily first).
        if (config.Connect.Count > 0 && !msk.Mechanisms.Contains(MskAuthentication.Iam))
        {
            Error($"{ClusterPath}.msk.authentication", $"must include iam when kafka-infra:connect lists worker groups: MSK Connect reaches MSK only with IAM or unauthenticated, and kafka-infra never allows unauthenticated access; got {Describe.Quote(string.Join(", ", msk.Mechanisms.Select(StackConfigLoader.Name)))}. Add iam to the list (e.g. [scram, iam] keeps scram the clients' default)");
        }

        var maxWorkers = Profile.MaxConnectWorkers ?? int.MaxValue;
        foreach (var g in config.Connect)
        {
            if (g.Plugin is null)
            {
                Error($"{g.Path}.plugin", "is required on msk: stacks: MSK Connect runs connectors from a plugin archive in S3; set plugin: { s3BucketArn: arn:aws:s3:::<bucket>, s3FileKey: <key of the .zip or .jar>, contentType: ZIP | JAR }");
            }

            if (g.Replicas > maxWorkers)
            {
                Error($"{g.Path}.replicas", $"must be <= {maxWorkers} on msk: stacks (MSK Connect runs 1-{maxWorkers} workers per connector); got {g.Replicas}");
            }

            if (g.MaxReplicas is { } max && max > maxWorkers)
            {
                Error($"{g.Path}.maxReplicas", $"must be <= {maxWorkers} on msk: stacks (MSK Connect auto scaling runs 1-{maxWorkers} workers per connector); got {max}");
            }
        }
    }

    /// <summary>
    /// ksqlDB on MSK IAM needs the aws-msk-iam-auth library on its classpath, which Confluent's cp-ksqldb-server image
    /// does not ship (platform-facts.md 8.4): the default image, or any cp-ksqldb-server image, is refused there.
    /// </summary>
    private void CheckMskKsqlDbImage(MskPlatform msk)
    {
        var stock = Defaults.KsqlDbImage[..Defaults.KsqlDbImage.LastIndexOf(':')];
        foreach (var g in config.KsqlDb.Where(g => msk.MechanismOf(g.Authentication) == MskAuthentication.Iam))
        {
            const string Why = "the cp-ksqldb-server image does not ship the aws-msk-iam-auth library that MSK IAM authentication needs; build an image that adds aws-msk-iam-auth to the ksqlDB classpath and set its name here";
            if (g.Image is null)
            {
                Error($"{g.Path}.image", $"is required on MSK IAM stacks (the default is {Defaults.KsqlDbImage}): {Why}");
            }
            else if (g.Image.StartsWith(stock, StringComparison.Ordinal) && (g.Image.Length == stock.Length || g.Image[stock.Length] is ':' or '@'))
            {
                Error($"{g.Path}.image", $"got {Describe.Quote(g.Image)}, which cannot authenticate to MSK with IAM: {Why}");
            }
        }
    }

    /// <summary>Settings that only an msk: stack uses are ignored elsewhere; say so rather than drop them silently.</summary>
    private void WarnMskOnlySettings()
    {
        foreach (var c in config.Consumers.Where(c => c.AwsRoleArn is not null))
        {
            Warn($"{c.Path}.awsRoleArn", $"applies to msk: stacks only (IAM access to MSK); ignored on {Profile.Name}");
        }

        foreach (var g in config.Connect)
        {
            if (g.AwsRoleArn is not null)
            {
                Warn($"{g.Path}.awsRoleArn", $"applies to msk: stacks only (the MSK Connect service execution role); ignored on {Profile.Name}");
            }

            if (g.Plugin is not null)
            {
                Warn($"{g.Path}.plugin", "applies to msk: stacks only (the MSK Connect custom plugin); on Strimzi connectors come from the Connect image; ignored");
            }
        }

        foreach (var g in config.KsqlDb.Where(g => g.AwsRoleArn is not null))
        {
            Warn($"{g.Path}.awsRoleArn", $"applies to msk: stacks only (IAM access to MSK); ignored on {Profile.Name}");
        }
    }
}
