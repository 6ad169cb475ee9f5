namespace KafkaInfra.Cli.Starters;

/// <summary>
/// The commented starter stacks <c>kafka-infra init</c> writes, one per platform. Each plans cleanly (no error, no
/// warning) under dev and prod rules; examples/starters holds them as written for a stack named <c>dev</c>, and a test
/// keeps both in step and plans them.
/// </summary>
internal static class StarterStacks
{
    public const string Strimzi = "strimzi";
    public const string Msk = "msk";
    public const string MskServerless = "msk-serverless";

    /// <summary>The platforms <c>init --platform</c> accepts, in help order.</summary>
    public static IReadOnlyList<string> Platforms { get; } = [Strimzi, Msk, MskServerless];

    /// <summary>The starter text for <paramref name="platform"/>, for stack <paramref name="stack"/> in <paramref name="environment"/> (dev or prod).</summary>
    public static string For(string platform, string stack, string environment)
    {
        var head = $"""
            # Pulumi.{stack}.yaml: a kafka-infra starter stack ({Describe(platform)}).
            # Written by `kafka-infra init --stack {stack} --platform {platform}`; edit it, then check it offline:
            #   kafka-infra plan --stack {stack}                      # validates and sizes it, every number with its formula
            #   kafka-infra render --stack {stack} --output-dir out   # the objects it would deploy, for review
            #   kafka-infra diff --stack {stack} --base origin/main   # the scaling impact of a change, in a pull request
            # Every key, its default and its range: docs/config.md.
            config:
              # dev or prod: prod turns unsafe settings and capacity shortfalls into errors. Another name (staging)
              # needs kafka-infra:environmentRules: dev|prod to say which rules it follows.
              kafka-infra:environment: {environment}

            """;
        var body = platform switch
        {
            Strimzi => StrimziCluster,
            Msk => MskCluster,
            MskServerless => MskServerlessCluster,
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "unknown platform"),
        };
        return (head + body + Workloads(platform)).ReplaceLineEndings("\n");
    }

    private static string Describe(string platform) => platform switch
    {
        Strimzi => "Kafka on Kubernetes with Strimzi",
        Msk => "Amazon MSK, provisioned Standard brokers",
        _ => "Amazon MSK Serverless",
    };

    private const string StrimziCluster = """
          kafka-infra:cluster:
            name: events                  # Kubernetes-style name, prefix of every resource
            kafkaVersion: "4.3.1"         # quoted: YAML reads an unquoted 4.3 as a number
            brokers: 3                    # broker pool replicas; at least the largest replication factor
            storageGiB: 100               # disk per broker; it only ever grows
            strimzi:
              namespace: kafka            # where the Strimzi 1.2 operator watches
              controllers: 3              # KRaft controllers (at least 3 in prod)

        """;

    private const string MskCluster = """
          aws:region: eu-west-1           # the AWS provider's region; KEDA signs its IAM token for it too
          kafka-infra:cluster:
            name: events                  # prefix of every resource
            kafkaVersion: "3.9.x"         # an MSK Kafka version, quoted
            brokers: 3                    # a multiple of the client subnets (one broker per AZ per step)
            storageGiB: 100               # EBS volume per broker; it only ever grows
            msk:
              instanceType: kafka.m7g.large
              # Replace with your VPC's private subnets (one per Availability Zone) and a security group that lets
              # the clients reach the brokers.
              clientSubnets: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2, subnet-0aaaaaaaaaaaaaaa3]
              securityGroups: [sg-0aaaaaaaaaaaaaaa1]
              authentication: iam         # iam | scram | tls

        """;

    private const string MskServerlessCluster = """
          aws:region: eu-west-1           # the AWS provider's region; KEDA signs its IAM token for it too
          kafka-infra:cluster:
            name: events                  # prefix of every resource
            msk:
              serverless: true            # no brokers, storage or partition limits to size; IAM authentication only
              # Replace with your VPC's private subnets (one per Availability Zone) and a security group that lets
              # the clients reach the cluster.
              clientSubnets: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2, subnet-0aaaaaaaaaaaaaaa3]
              securityGroups: [sg-0aaaaaaaaaaaaaaa1]

        """;

    private static string Workloads(string platform) => $"""
          kafka-infra:topicDefaults:
            replicationFactor: 3          # 3 copies of every message (prod expects at least 3)
            minInsyncReplicas: 2          # an acks=all write is on 2 brokers before it is acknowledged
            retentionHours: 24
          kafka-infra:topics:
            - name: orders
              messagesPerSecond: 1000             # the peak produce rate: sizes brokers and partitions
              averageMessagesPerSecond: 500       # the rate over the retention period: sizes storage
              messagesPerSecondPerConsumer: 250   # what one consumer instance sustains: partitions = ⌈1000 ÷ 250⌉ = 4
              messageBytes: 1024                  # average message size
          kafka-infra:consumers:
            - name: order-service         # the Deployment KEDA scales on its group's lag
              namespace: apps
              topic: orders
              lagThreshold: 500           # target average lag per replica, not a trigger level
              minReplicas: 1
              maxReplicas: 4              # 4 × 250 msg/s covers the 1,000 msg/s peak; capped at the partitions
        {(platform == Strimzi ? StrimziNote + "\n" : "")}
        """;

    private const string StrimziNote = """
          # Add Kafka Connect (kafka-infra:connect) and ksqlDB (kafka-infra:ksqldb) groups when you need them: docs/config.md.
        """;
}
