using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>The workloads that read the topics: KEDA-scaled consumers, Kafka Connect groups and ksqlDB groups.</summary>
internal sealed partial class PlanContext
{
    private void PlanConsumers()
    {
        if (Platform is MskPlatform { Config.Region: null } msk && config.Consumers.Any(c => msk.MechanismOf(c.Authentication) == MskAuthentication.Iam))
        {
            Warn($"{ClusterPath}.msk.region", "is not set, and neither is aws:region: KEDA's kafka scaler signs its MSK IAM token for a region (trigger metadata awsRegion), so the rendered triggers have none; set cluster.msk.region or aws:region");
        }

        foreach (var c in config.Consumers)
        {
            // KEDA's kafka scaler caps replicas at the partitions it measures: the topic's, or with no topic set, the sum
            // over every topic the group reads (platform-facts 2.2, getTotalLag).
            var partitions = c.Topics.Sum(t => PlanFor(t).Partitions);
            var topicsText = string.Join(" + ", c.Topics.Select(t => Describe.Quote(t)));
            var max = CapacityPlanner.EffectiveMaxReplicas(c.MaxReplicas, partitions);
            var derivation = c.Topics.Count == 1
                ? new Derivation("min(maxReplicas, topic partitions)", $"min({Fmt.N(c.MaxReplicas)}, {Fmt.N(partitions)} partitions of {topicsText}) = {Fmt.N(max)}")
                : new Derivation("min(maxReplicas, Σ partitions of its topics)", $"min({Fmt.N(c.MaxReplicas)}, {string.Join(" + ", c.Topics.Select(t => $"{Fmt.N(PlanFor(t).Partitions)} ({t})"))}) = {Fmt.N(max)}");
            if (max < c.MaxReplicas)
            {
                Warn($"{c.Path}.maxReplicas", $"{Fmt.N(c.MaxReplicas)} capped at {Fmt.N(max)}, the partitions of {topicsText}: {Fmt.N(c.MaxReplicas - max)} of {Fmt.N(c.MaxReplicas)} replicas would idle (a consumer group reads each partition with one member). Raise the topic's partitions to scale further");
            }

            CheckConsumerScaling(c);

            var min = Math.Min(c.MinReplicas, max);
            if (min < c.MinReplicas)
            {
                Warn($"{c.Path}.minReplicas", $"{Fmt.N(c.MinReplicas)} lowered to {Fmt.N(min)}, the effective maxReplicas");
            }

            CheckConsumerCapacity(c, PlanFor(c.Topic), min, max);
            Consumers.Add(new ConsumerPlan(c, min, max, partitions, derivation));
        }

        if (config.Consumers.Count > 0)
        {
            // Once for the stack, not per consumer: the plan lists each consumer's numbers.
            Advice.Add(new Diagnostic($"{ConfigKeys.Qualified(ConfigKeys.Consumers)}[].lagThreshold", "lagThreshold is the target average lag per replica, not a trigger level: KEDA runs ⌈total lag of the group ÷ lagThreshold⌉ replicas, between minReplicas and maxReplicas"));
        }
    }

    /// <summary>KEDA settings that are accepted but would not do what their name suggests (platform-facts 2.1, 2.2).</summary>
    private void CheckConsumerScaling(ConsumerConfig c)
    {
        if (c.Scaling?.CooldownPeriodSeconds is not null && c.MinReplicas > 0)
        {
            Warn($"{c.Path}.cooldownPeriodSeconds", $"has no effect with minReplicas {Fmt.N(c.MinReplicas)}: KEDA's cooldownPeriod only delays the last step from 1 to 0 replicas; use behavior.scaleDown.stabilizationWindowSeconds to slow other scale-downs");
        }

        if (c.MinReplicas == 0 && c.Topics.Count > 1)
        {
            Warn($"{c.Path}.minReplicas", $"is 0 on a group reading {Fmt.N(c.Topics.Count)} topics: KEDA's trigger then names no topic and finds the group's topics from its committed offsets, so a group that has never committed scales to 0 and never back up (keda-docs 2.20); keep minReplicas >= 1 until the group has committed offsets");
        }

        if (c.MinReplicas == 0 && c.OffsetResetPolicy == "latest" && c.Scaling is not { ScaleToZeroOnInvalidOffset: true })
        {
            Advice.Add(new Diagnostic($"{c.Path}.minReplicas", "is 0: KEDA counts lag 1 on each partition without a committed offset (offsetResetPolicy latest), which keeps one replica until the group has committed; scaleToZeroOnInvalidOffset: true counts 0 instead"));
        }
    }

    /// <summary>
    /// What one group can read at most (maxReplicas × messagesPerSecondPerConsumer) against the topic's peak rate, a
    /// lagThreshold that keeps the group at its maximum even while it keeps up, and pre-scaling for a known peak.
    /// </summary>
    private void CheckConsumerCapacity(ConsumerConfig c, TopicPlan topic, int min, int max)
    {
        if (topic.MessagesPerSecond is not { } rate)
        {
            // Not sized: no rate to check the group against (its KEDA cap, the partitions, still applies).
            return;
        }

        if (topic.Config.MessagesPerSecondPerConsumer is { } perConsumer)
        {
            var needed = CapacityPlanner.CeilDiv(rate, perConsumer);
            if ((long)max * perConsumer < rate)
            {
                var partitions = needed > topic.Partitions ? $", and {topic.Config.Path}.partitions to {Fmt.N(needed)} or more (a group reads each partition with one member)" : "";
                Shortfall($"{c.Path}.maxReplicas", $"group {Describe.Quote(c.ConsumerGroup)} tops out at {Fmt.Count(max, "replica", "replicas")} × {Fmt.N(perConsumer)} msg/s = {Fmt.N(max * perConsumer)} msg/s, below the {Fmt.N(rate)} msg/s of {Describe.Quote(topic.Name)}: lag would grow without bound at the peak; set maxReplicas to {Fmt.N(needed)} or more{partitions}");
            }
            else if (min < needed && (topic.Config.AverageMessagesPerSecond is null || topic.Config.AverageMessagesPerSecond < rate))
            {
                // KEDA adds replicas only after lag has built up (one polling interval, then the HPA), and every member
                // that joins pauses the group for a rebalance: for a peak known in advance, start with enough replicas.
                Advice.Add(new Diagnostic($"{c.Path}.minReplicas", $"for a known peak of {Fmt.N(rate)} msg/s on {Describe.Quote(topic.Name)} (a sale, a launch), raise minReplicas from {Fmt.N(min)} to {Fmt.N(Math.Min(needed, max))} before it starts and lower it afterwards: KEDA adds replicas only after lag has built up, and each member that joins pauses group {Describe.Quote(c.ConsumerGroup)} for a rebalance"));
            }
        }

        // A consumer that keeps up still shows lag: what it has fetched but not committed yet, at least about a tenth of a
        // second of messages (up to auto.commit.interval.ms, default 5000 in the Kafka consumer configs, with
        // auto-commit). KEDA runs ⌈total lag ÷ lagThreshold⌉ replicas (platform-facts 3.3), so a threshold below that
        // keeps the group at maxReplicas even while it keeps up.
        var steadyLag = CapacityPlanner.CeilDiv(rate, SteadyLagFraction);
        if (c.LagThreshold * (long)max < steadyLag)
        {
            Warn($"{c.Path}.lagThreshold", $"{Fmt.N(c.LagThreshold)} is far below the rate of {Describe.Quote(topic.Name)} ({Fmt.N(rate)} msg/s): a group that keeps up still lags by the messages between fetch and commit, a tenth of a second's worth or more ({Fmt.N(steadyLag)}), so KEDA would hold it at maxReplicas {Fmt.N(max)} all the time; a lagThreshold of {Fmt.N(CapacityPlanner.CeilDiv(steadyLag, Math.Max(1, max)))} or more lets it scale with the load");
        }
    }

    /// <summary>The in-flight lag of a group that keeps up, as a fraction of a second of its topic's rate (1/10 s).</summary>
    private const long SteadyLagFraction = 10;

    private void PlanConnect()
    {
        CheckConnectPlugins();
        foreach (var g in config.Connect)
        {
            var connectors = new List<ConnectorPlan>();
            foreach (var c in g.Connectors)
            {
                var partitions = c.Topics.Sum(t => PlanFor(t).Partitions);
                var path = $"{g.Path}.connectors[{c.Index}]";
                int tasks;
                Derivation derivation;
                if (c.TasksMax is { } explicitTasks)
                {
                    tasks = explicitTasks;
                    derivation = new Derivation("explicit tasksMax", $"{Fmt.N(tasks)} (explicit)");
                    if (c.Kind == ConnectorKind.Sink && tasks > partitions)
                    {
                        Warn($"{path}.tasksMax", $"{Fmt.N(tasks)} tasks read {Fmt.N(partitions)} partitions: {Fmt.N(tasks - partitions)} tasks would idle");
                    }
                }
                else if (c.Topics.Count > 0)
                {
                    tasks = Math.Max(1, partitions);
                    derivation = new Derivation("Σ partitions of the connector's topics", $"{string.Join(" + ", c.Topics.Select(t => $"{Fmt.N(PlanFor(t).Partitions)} ({t})"))} = {Fmt.N(tasks)}");
                }
                else
                {
                    tasks = 1;
                    derivation = new Derivation("1 (a source connector with no topics listed)", "1");
                }

                connectors.Add(new ConnectorPlan(c, tasks, partitions, derivation));
            }

            var sinkPartitions = connectors.Where(c => c.Config.Kind == ConnectorKind.Sink).Sum(c => c.TopicPartitions);
            int? max = null;
            Derivation? maxDerivation = null;
            if (g.MaxReplicas is { } requested)
            {
                max = Math.Max(g.Replicas, Math.Min(requested, sinkPartitions));
                maxDerivation = new Derivation("min(maxReplicas, Σ partitions read by sink connectors)", $"min({Fmt.N(requested)}, {Fmt.N(sinkPartitions)}) = {Fmt.N(max.Value)}");
                if (max < requested)
                {
                    Warn($"{g.Path}.maxReplicas", $"{Fmt.N(requested)} capped at {Fmt.N(max.Value)}, the partitions its sink connectors read: {Fmt.N(requested - max.Value)} of {Fmt.N(requested)} workers would have no task to run");
                }
            }

            Connect.Add(new ConnectGroupPlan(g, g.Replicas, max, sinkPartitions, connectors, maxDerivation));
        }
    }

    private void PlanKsqlDb()
    {
        foreach (var g in config.KsqlDb)
        {
            var rf = Profile.HasBrokers ? Math.Min(config.TopicDefaults.ReplicationFactor, Math.Max(1, config.Cluster.Brokers)) : 3;
            var derivation = Profile.HasBrokers
                ? new Derivation("min(topicDefaults.replicationFactor, brokers)", $"min({config.TopicDefaults.ReplicationFactor}, {config.Cluster.Brokers}) = {rf}")
                : new Derivation("3 (MSK Serverless)", "3");
            // The topics' planned min ISR, never above the internal topics' RF.
            var minIsr = Math.Min(config.TopicDefaults.MinInsyncReplicas, rf);
            KsqlDb.Add(new KsqlDbGroupPlan(g, g.Replicas, rf, derivation, minIsr));
        }
    }
}
