using System.Collections.Immutable;

namespace KafkaInfra.Tests;

/// <summary>
/// What a real provider computes on create, for the mocked engine to add to the echoed inputs: the ARNs, ids,
/// bootstrap addresses and revisions the program reads back as outputs. Shared by the stack tests and the
/// Pulumi benchmark, so both run the program against the same engine behaviour.
/// </summary>
internal static class ProviderState
{
    /// <summary>Adds the outputs a provider computes for a resource of <paramref name="type"/> named <paramref name="name"/>.</summary>
    public static void AddComputed(string type, string name, ImmutableDictionary<string, object>.Builder state)
    {
        switch (type)
        {
            case "aws:msk/cluster:Cluster":
                state["arn"] = $"arn:aws:kafka:eu-west-1:123456789012:cluster/{name}/11111111-2222-3333-4444-555555555555-1";
                state["clusterUuid"] = "11111111-2222-3333-4444-555555555555-1";
                state["currentVersion"] = "K1";
                state["bootstrapBrokersSaslIam"] = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9098";
                state["bootstrapBrokersSaslScram"] = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9096,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9096";
                state["bootstrapBrokersTls"] = "b-1.events.abc.c2.kafka.eu-west-1.amazonaws.com:9094,b-2.events.abc.c2.kafka.eu-west-1.amazonaws.com:9094";
                break;
            case "aws:msk/serverlessCluster:ServerlessCluster":
                state["arn"] = $"arn:aws:kafka:eu-west-1:123456789012:cluster/{name}/serverless-1";
                state["clusterUuid"] = "serverless-1";
                state["bootstrapBrokersSaslIam"] = "boot-abc.c2.kafka-serverless.eu-west-1.amazonaws.com:9098";
                break;
            case "aws:msk/configuration:Configuration":
            case "aws:mskconnect/customPlugin:CustomPlugin":
            case "aws:mskconnect/workerConfiguration:WorkerConfiguration":
                state["arn"] = $"arn:aws:kafka:eu-west-1:123456789012:configuration/{name}/1";
                state["latestRevision"] = 1;
                break;
            case "aws:secretsmanager/secret:Secret":
                state["arn"] = $"arn:aws:secretsmanager:eu-west-1:123456789012:secret:{state.GetValueOrDefault("name") ?? name}-AbCdEf";
                break;
            case "aws:kms/key:Key":
                state["arn"] = $"arn:aws:kms:eu-west-1:123456789012:key/{name}";
                state["keyId"] = name;
                break;
            case "aws:iam/role:Role":
            case "aws:iam/policy:Policy":
            case "aws:cloudwatch/logGroup:LogGroup":
            case "aws:appautoscaling/policy:Policy":
            case "aws:mskconnect/connector:Connector":
                state["arn"] = $"arn:aws:{type.Split(':')[1].Split('/')[0]}:eu-west-1:123456789012:{name}";
                if (!state.ContainsKey("name"))
                {
                    state["name"] = name;
                }

                break;
        }
    }
}
