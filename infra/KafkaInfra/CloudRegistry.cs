using System.Collections.Immutable;
using System.Globalization;
using KafkaInfra.Core.Desired.Cloud;
using Pulumi;
using AppAutoScaling = Pulumi.Aws.AppAutoScaling;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Iam = Pulumi.Aws.Iam;
using Kafka = Pulumi.Kafka;
using Kms = Pulumi.Aws.Kms;
using Msk = Pulumi.Aws.Msk;
using MskConnect = Pulumi.Aws.MskConnect;

namespace KafkaInfra;

/// <summary>
/// The cloud resources declared so far, by their desired-state name: what <c>dependsOn</c>, <c>provider</c> and
/// <see cref="OutputRef"/>s resolve against. Each output is read from the typed resource class, so the compiler
/// checks every property; which outputs a spec provides is Core's <see cref="CloudSpecs.Outputs"/>, checked before
/// anything is registered (<see cref="Core.Deployment.PulumiLayout.ReferenceProblems"/>).
/// </summary>
internal sealed class CloudRegistry
{
    private readonly Dictionary<string, Resource> _resources = new(StringComparer.Ordinal);

    public void Add(string name, Resource resource) => _resources.Add(name, resource);

    public Resource Get(string name) =>
        _resources.TryGetValue(name, out var r) ? r : throw new MappingException($"resource \"{name}\" is not declared yet");

    public ProviderResource Provider(string name) =>
        Get(name) as ProviderResource ?? throw new MappingException($"resource \"{name}\" is not a provider");

    /// <summary>A string output of a declared resource.</summary>
    public Output<string> Output(OutputRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return (Get(reference.Resource), reference.Output) switch
        {
            (Msk.Cluster c, CloudOutput.Arn) => c.Arn,
            (Msk.Cluster c, CloudOutput.BootstrapBrokersSaslIam) => c.BootstrapBrokersSaslIam,
            (Msk.Cluster c, CloudOutput.BootstrapBrokersSaslScram) => c.BootstrapBrokersSaslScram,
            (Msk.Cluster c, CloudOutput.BootstrapBrokersTls) => c.BootstrapBrokersTls,
            (Msk.ServerlessCluster c, CloudOutput.Arn) => c.Arn,
            (Msk.ServerlessCluster c, CloudOutput.BootstrapBrokersSaslIam) => c.BootstrapBrokersSaslIam,
            (Msk.Configuration c, CloudOutput.Arn) => c.Arn,
            (MskConnect.CustomPlugin p, CloudOutput.Arn) => p.Arn,
            (MskConnect.WorkerConfiguration w, CloudOutput.Arn) => w.Arn,
            (Kms.Key k, CloudOutput.Arn) => k.Arn,
            (Pulumi.Aws.SecretsManager.Secret x, CloudOutput.Arn) => x.Arn,
            (CloudWatch.LogGroup g, CloudOutput.Arn) => g.Arn,
            (CloudWatch.LogGroup g, CloudOutput.Name) => g.Name,
            (Iam.Role r, CloudOutput.Arn) => r.Arn,
            (Iam.Role r, CloudOutput.Name) => r.Name,
            (Iam.Policy p, CloudOutput.Arn) => p.Arn,
            (Iam.Policy p, CloudOutput.Name) => p.Name,
            (AppAutoScaling.Target t, CloudOutput.ResourceId) => t.ResourceId,
            (AppAutoScaling.Policy p, CloudOutput.Arn) => p.Arn,
            (MskConnect.Connector c, CloudOutput.Arn) => c.Arn,
            (Kafka.Topic t, CloudOutput.Name) => t.Name,
            (_, CloudOutput.LatestRevision) => Revision(reference).Apply(r => r.ToString(CultureInfo.InvariantCulture)),
            var (resource, output) => throw new MappingException($"{reference}: the program reads no {output} output of a {resource.GetType().Name}"),
        };
    }

    /// <summary>The <c>latestRevision</c> of a versioned resource (a whole number).</summary>
    public Output<int> Revision(OutputRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return (Get(reference.Resource), reference.Output) switch
        {
            (Msk.Configuration c, CloudOutput.LatestRevision) => c.LatestRevision,
            (MskConnect.CustomPlugin p, CloudOutput.LatestRevision) => p.LatestRevision,
            (MskConnect.WorkerConfiguration w, CloudOutput.LatestRevision) => w.LatestRevision,
            var (resource, output) => throw new MappingException($"{reference}: the program reads no whole-number {output} output of a {resource.GetType().Name}"),
        };
    }

    /// <summary>A string input: the literal, or the output with its ARN transform applied.</summary>
    public Input<string> Resolve(Text text) => text switch
    {
        Text.Literal l => l.Value,
        Text.Ref r => Resolved(r),
        _ => throw new MappingException($"unknown text {text?.GetType().Name}"),
    };

    /// <summary>An output reference with its ARN transform applied, as an output.</summary>
    public Output<string> Resolved(Text.Ref r) => Output(r.Source).Apply(value => r.MskArn is null ? value : r.MskArn.Apply(value));

    /// <summary>A comma-separated string input as a list (the Kafka provider's bootstrap servers), items trimmed, blanks dropped.</summary>
    public InputList<string> SplitList(Text text) => text switch
    {
        Text.Literal l => Split(l.Value).ToArray(),
        Text.Ref r => Resolved(r).Apply(Split),
        _ => throw new MappingException($"unknown text {text?.GetType().Name}"),
    };

    /// <summary>A policy document as the JSON text IAM receives, every reference resolved first.</summary>
    public Input<string> Policy(PolicyDocument document)
    {
        var refs = CloudJson.Refs(document);
        if (refs.Count == 0)
        {
            return CloudJson.PolicyText(document, r => throw new MappingException($"unexpected reference {r}"));
        }

        return Pulumi.Output.All(refs.Select(Output)).Apply(values =>
            CloudJson.PolicyText(document, r => values[IndexOf(refs, r)]));
    }

    private static int IndexOf(IReadOnlyList<OutputRef> refs, OutputRef reference)
    {
        for (var i = 0; i < refs.Count; i++)
        {
            if (refs[i] == reference)
            {
                return i;
            }
        }

        throw new MappingException($"unexpected reference {reference}");
    }

    private static ImmutableArray<string> Split(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>A desired-state record the program cannot map; the message names the resource and what was wrong.</summary>
public sealed class MappingException : Exception
{
    public MappingException()
    {
    }

    public MappingException(string message)
        : base(message)
    {
    }

    public MappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
