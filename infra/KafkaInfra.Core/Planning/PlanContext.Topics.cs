using System.Globalization;
using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>Topic rules: partitions from throughput and consumers, what the deployed topic allows, replication, producer advice.</summary>
internal sealed partial class PlanContext
{
    private void PlanTopics()
    {
        var maxConsumersByTopic = new Dictionary<string, (int Max, string Source)>(StringComparer.Ordinal);
        // A group reading several topics spreads its members over all their partitions: none of them is sized for all members.
        foreach (var c in config.Consumers.Where(c => c.Topics.Count == 1))
        {
            if (!maxConsumersByTopic.TryGetValue(c.Topic, out var current) || c.MaxReplicas > current.Max)
            {
                maxConsumersByTopic[c.Topic] = (c.MaxReplicas, $"from {c.Path}.maxReplicas");
            }
        }

        var d = config.TopicDefaults;
        foreach (var t in config.Topics)
        {
            var (maxConsumers, source) = t.MaxConsumers is { } explicitMax
                ? (explicitMax, $"from {t.Path}.maxConsumers")
                : maxConsumersByTopic.TryGetValue(t.Name, out var fromConsumers) ? fromConsumers : (1, "(no consumer group reads it)");
            // A topic without messagesPerSecond has explicit partitions (the loader requires one of them): nothing to compute.
            var (computed, derivation) = t.MessagesPerSecond is { } rate
                ? CapacityPlanner.ComputePartitions(rate, t.MessagesPerSecondPerConsumer, maxConsumers, source, t.MessagesPerSecondPerPartition)
                : (t.Partitions ?? 1, new Derivation("explicit partitions (not sized)", $"{Fmt.N(t.Partitions ?? 1)} (explicit; not sized: no messagesPerSecond)"));
            var partitions = computed;
            if (!t.IsSized)
            {
                Advice.Add(new Diagnostic($"{t.Path}.messagesPerSecond", $"is not set: {Describe.Quote(t.Name)} is not sized ({Fmt.Count(partitions, "partition", "partitions")}, explicit); its produce rate is not counted in the broker-throughput check{(t.CompactedOnly ? "" : ", its storage is estimated only from config.retention.bytes")} and its consumers are not checked against a rate. Set messagesPerSecond to size it"));
            }
            else if (t.Partitions is { } explicitPartitions)
            {
                partitions = explicitPartitions;
                if (explicitPartitions < computed)
                {
                    Warn($"{t.Path}.partitions", $"explicit {Fmt.N(explicitPartitions)} is below the computed {Fmt.N(computed)} ({derivation.Explanation}): consumers beyond {Fmt.N(explicitPartitions)} would idle and the throughput target may not be met");
                }

                derivation = new Derivation("explicit partitions", $"{Fmt.N(explicitPartitions)} (explicit; the computed count is {derivation.Explanation})");
            }

            int? deployedPartitions = deployed.TopicPartitions.TryGetValue(t.Name, out var old) ? old : null;
            if (deployedPartitions is { } dp)
            {
                if (partitions < dp && t.Partitions is not null)
                {
                    Error($"{t.Path}.partitions", $"would decrease {Describe.Quote(t.Name)} from {Fmt.N(dp)} (deployed) to {Fmt.N(partitions)}: Kafka cannot remove partitions, Pulumi.Kafka would delete and recreate the topic (losing its data) and Strimzi refuses it (NotSupported). Set partitions to {Fmt.N(dp)} or more");
                }
                else if (partitions < dp)
                {
                    Warn($"{t.Path}.partitions", $"computed {Fmt.N(partitions)} is below the deployed {Fmt.N(dp)}; keeping {Fmt.N(dp)} because partitions never decrease");
                    derivation = new Derivation("max(computed, deployed)", $"{Fmt.N(dp)} (deployed; partitions never decrease; computed {derivation.Explanation})");
                    partitions = dp;
                }
                else if (partitions > dp)
                {
                    Warn($"{t.Path}.partitions", $"grows {Describe.Quote(t.Name)} from {Fmt.N(dp)} to {Fmt.N(partitions)}: keys hash to different partitions from now on (per-key ordering breaks across the change); existing data stays where it is");
                }
            }

            var rf = t.ReplicationFactor ?? d.ReplicationFactor;
            var minIsr = t.MinInsyncReplicas ?? d.MinInsyncReplicas;
            var rfPath = t.ReplicationFactor is null ? $"{TopicDefaultsPath}.replicationFactor" : $"{t.Path}.replicationFactor";
            var isrPath = t.MinInsyncReplicas is null ? $"{TopicDefaultsPath}.minInsyncReplicas" : $"{t.Path}.minInsyncReplicas";
            CheckReplication(t, rf, minIsr, rfPath, isrPath);

            var bytes = t.MessageBytes ?? d.MessageBytes;
            if (bytes > 1_048_576)
            {
                Warn($"{t.Path}.messageBytes", $"{Fmt.N(bytes)} bytes is above Kafka's default max.message.bytes (about 1 MiB); set config max.message.bytes on the topic and the clients' max.request.size / fetch sizes");
            }

            var storage = PlanTopicStorage(t, partitions, bytes, rf);
            var settable = Profile.SettableTopicConfigs;
            var kafkaConfig = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in t.Config)
            {
                if (settable is not null && !settable.Contains(k, StringComparer.Ordinal))
                {
                    Error($"{t.Path}.config.{k}", $"got {Describe.Quote(v)}, but {k} cannot be set on {Profile.Name} topics; the settable configs are {string.Join(", ", settable)}");
                    continue;
                }

                kafkaConfig[k] = v;
            }

            if (storage.RetentionMs is { } retentionMs)
            {
                // A compacted-only topic gets none: Kafka applies retention.ms only with the delete policy.
                kafkaConfig[KafkaTopicConfigs.RetentionMs] = retentionMs.ToString(CultureInfo.InvariantCulture);
            }

            if (settable is null || settable.Contains("min.insync.replicas", StringComparer.Ordinal))
            {
                kafkaConfig["min.insync.replicas"] = minIsr.ToString(CultureInfo.InvariantCulture);
            }
            else if (t.MinInsyncReplicas is { } dropped)
            {
                // MSK Serverless does not let a topic set min.insync.replicas (platform-facts.md 8.4): say it is dropped.
                Warn($"{t.Path}.minInsyncReplicas", $"is ignored on {Profile.Name} (a topic there cannot set min.insync.replicas; AWS manages it); got {dropped}");
            }

            Topics.Add(new TopicPlan(t, partitions, computed, deployedPartitions, rf, minIsr, storage.RetentionMs, bytes, (double)(t.MessagesPerSecond ?? 0) * bytes, storage.Bytes, kafkaConfig, derivation, storage.Derivation)
            {
                StorageUnsized = storage.Unsized,
            });
            AddProducerAdvice(t, partitions, bytes);
        }
    }

    private void CheckReplication(TopicConfig t, int rf, int minIsr, string rfPath, string isrPath)
    {
        var c = config.Cluster;
        if (Profile.FixedReplication is (int fixedRf, int fixedMinIsr))
        {
            if (rf != fixedRf)
            {
                Error(rfPath, $"must be {fixedRf} for topic {Describe.Quote(t.Name)} on Express brokers (MSK Express always replicates {fixedRf} times); got {rf}");
            }

            if (minIsr != fixedMinIsr)
            {
                Error(isrPath, $"must be {fixedMinIsr} for topic {Describe.Quote(t.Name)} on Express brokers (MSK Express fixes min.insync.replicas at {fixedMinIsr}); got {minIsr}");
            }

            return;
        }

        if (Profile.HasBrokers && rf > c.Brokers)
        {
            Error(rfPath, $"replication factor {rf} of topic {Describe.Quote(t.Name)} is greater than the cluster's {Fmt.Count(c.Brokers, "broker", "brokers")}; each replica needs its own broker");
        }

        if (minIsr > rf)
        {
            Error(isrPath, $"min.insync.replicas {minIsr} of topic {Describe.Quote(t.Name)} is greater than its replication factor {rf}: no acks=all write could ever succeed");
        }
        else if (minIsr == rf && rf > 1)
        {
            // With RF 1 there is no choice (and the RF rule below already speaks); above that, equal values trade availability away.
            ProdError(isrPath, $"min.insync.replicas {minIsr} of topic {Describe.Quote(t.Name)} should be less than its replication factor {rf}, or a single broker outage blocks every acks=all producer");
        }

        if (rf < 3)
        {
            ProdError(rfPath, $"replication factor {rf} of topic {Describe.Quote(t.Name)} is below 3: losing one broker can lose data or availability");
        }

        if (minIsr < 2)
        {
            ProdError(isrPath, $"min.insync.replicas {minIsr} of topic {Describe.Quote(t.Name)} is below 2: an acknowledged write can live on a single broker");
        }
    }

    private void AddProducerAdvice(TopicConfig t, int partitions, int bytes)
    {
        if (t.MessagesPerSecond is not { } rate)
        {
            return;
        }

        var mbps = (double)rate * bytes / Units.MB;
        string advice;
        if (rate >= 10_000 || mbps >= 10)
        {
            advice = "batch.size=131072 (128 KiB), linger.ms=10-20, compression.type=lz4 (or zstd for smaller payloads on the wire), acks=all, enable.idempotence=true";
        }
        else if (rate >= 1_000 || mbps >= 1)
        {
            advice = "batch.size=65536 (64 KiB), linger.ms=5, compression.type=lz4, acks=all, enable.idempotence=true";
        }
        else
        {
            advice = "the producer defaults fit (batch.size=16384, linger.ms=5 since Kafka 4.0); keep acks=all and enable.idempotence=true";
        }

        var perPartition = (double)rate / partitions;
        Advice.Add(new Diagnostic(t.Path, $"producers of {Describe.Quote(t.Name)} ({Fmt.N(rate)} msg/s, {Fmt.D(mbps, 2)} MB/s, about {Fmt.D(perPartition, 0)} msg/s per partition): {advice}"));
    }
}
