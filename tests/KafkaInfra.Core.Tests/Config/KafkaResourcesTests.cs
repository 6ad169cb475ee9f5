using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Tests.Config;

/// <summary>Every derived name comes from <see cref="KafkaResources"/>.</summary>
public class KafkaResourcesTests
{
    [Fact]
    public void Strimzi_names_follow_the_cluster_name()
    {
        Assert.Equal("events-kafka-bootstrap.kafka.svc:9093", KafkaResources.StrimziTlsBootstrap("events", "kafka"));
        Assert.Equal("events-cluster-ca-cert", KafkaResources.ClusterCaSecret("events"));
        Assert.Equal("events-rebalance-add-brokers", KafkaResources.RebalanceTemplate("events", "add-brokers"));
    }

    [Fact]
    public void The_msk_cluster_resource_is_the_cluster_name_with_an_msk_suffix()
    {
        Assert.Equal("events-msk", KafkaResources.MskCluster("events"));
        Assert.Equal("ksqldb-analytics-kafka-scram", KafkaResources.MskScramSecret(KafkaResources.KsqlDbUser("analytics")));
    }

    [Fact]
    public void Connect_internal_topics_have_kafkas_default_partitions()
    {
        // Kafka Connect: config topic 1 partition; offset.storage.partitions 25 and status.storage.partitions 5 by default.
        Assert.Equal([("sink-configs", 1), ("sink-offsets", 25), ("sink-status", 5)], KafkaResources.ConnectInternalTopics("sink"));
        Assert.Equal(31, KafkaResources.ConnectInternalPartitions);
    }

    [Fact]
    public void A_clashing_name_gets_a_hash_of_its_key()
    {
        var names = KafkaResources.UniqueNames([("consumer/x/a-b", "x-a-b"), ("consumer/x-a/b", "x-a-b"), ("connect/c", "connect-c")]);
        Assert.Equal("x-a-b", names["consumer/x/a-b"]);
        Assert.Equal("x-a-b-" + KafkaResources.ShortHash("consumer/x-a/b", 6), names["consumer/x-a/b"]);
        Assert.Equal("connect-c", names["connect/c"]);
    }
}
