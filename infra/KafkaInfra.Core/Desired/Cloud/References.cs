using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Desired.Cloud;

/// <summary>
/// The outputs of cloud resources that other resources (or the stack outputs) use, named as the Pulumi schema names
/// them (camelCase when rendered). Which resource provides which output is decided by <see cref="CloudSpecs.Outputs"/>.
/// </summary>
public enum CloudOutput
{
    /// <summary><c>arn</c>.</summary>
    Arn,

    /// <summary><c>name</c>.</summary>
    Name,

    /// <summary><c>latestRevision</c> (a whole number: MSK configurations, MSK Connect plugins and worker configurations).</summary>
    LatestRevision,

    /// <summary><c>resourceId</c> of an Application Auto Scaling target.</summary>
    ResourceId,

    /// <summary><c>bootstrapBrokersSaslIam</c>: the comma-separated MSK IAM bootstrap string.</summary>
    BootstrapBrokersSaslIam,

    /// <summary><c>bootstrapBrokersSaslScram</c>: the comma-separated MSK SCRAM bootstrap string.</summary>
    BootstrapBrokersSaslScram,

    /// <summary><c>bootstrapBrokersTls</c>: the comma-separated MSK TLS bootstrap string.</summary>
    BootstrapBrokersTls,
}

/// <summary>The MSK cluster's bootstrap output, decided once by the platform.</summary>
public static class MskOutputs
{
    /// <summary>
    /// The MSK cluster output clients bootstrap from, typed: the platform decides its name once
    /// (<see cref="MskPlatform.BootstrapOutput"/>: by authentication, always IAM on Serverless).
    /// </summary>
    public static CloudOutput Bootstrap(MskPlatform msk)
    {
        ArgumentNullException.ThrowIfNull(msk);
        return Enum.Parse<CloudOutput>(msk.BootstrapOutput, ignoreCase: true);
    }

    /// <summary>A reference to the bootstrap output of the stack's MSK cluster resource (<see cref="KafkaResources.MskCluster"/>).</summary>
    public static OutputRef BootstrapOf(string cluster, MskPlatform msk) => new(KafkaResources.MskCluster(cluster), Bootstrap(msk));

    /// <summary>The cluster output with the bootstrap servers of one mechanism (IAM 9098, SCRAM 9096, TLS 9094).</summary>
    public static CloudOutput BootstrapFor(MskAuthentication mechanism) =>
        Enum.Parse<CloudOutput>(KafkaResources.MskBootstrapOutput(mechanism), ignoreCase: true);

    /// <summary>A reference to the bootstrap output of one mechanism on the stack's MSK cluster resource.</summary>
    public static OutputRef BootstrapOf(string cluster, MskAuthentication mechanism) => new(KafkaResources.MskCluster(cluster), BootstrapFor(mechanism));
}

/// <summary>"Output <paramref name="Output"/> of the cloud resource named <paramref name="Resource"/>", known only after that resource exists.</summary>
/// <param name="Resource">The <see cref="CloudResource.Name"/> of the resource.</param>
/// <param name="Output">Which of its outputs.</param>
public sealed record OutputRef(string Resource, CloudOutput Output)
{
    /// <summary>The output's schema name (<c>arn</c>, <c>bootstrapBrokersSaslIam</c>).</summary>
    public string OutputName => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Output.ToString());

    /// <summary>The unresolved form shown in rendered YAML and messages: <c>${resource.output}</c>.</summary>
    public override string ToString() => $"${{{Resource}.{OutputName}}}";
}

/// <summary>The MSK IAM resource types an ARN can be built for from a cluster ARN.</summary>
public enum MskArnResource
{
    /// <summary><c>arn:aws:kafka:r:a:topic/cluster/uuid/name</c>.</summary>
    Topic,

    /// <summary><c>arn:aws:kafka:r:a:group/cluster/uuid/name</c>.</summary>
    Group,

    /// <summary><c>arn:aws:kafka:r:a:transactional-id/cluster/uuid/name</c>.</summary>
    TransactionalId,
}

/// <summary>
/// The ARN of an MSK topic, group or transactional id named <paramref name="Name"/> (may end in <c>*</c>), built
/// from the cluster's ARN (<c>arn:aws:kafka:r:a:cluster/name/uuid</c>): the resource type goes in place of
/// <c>cluster</c> and the name is appended. Source: "IAM access control", Amazon MSK developer guide (resource ARNs).
/// </summary>
public sealed record MskArnOf(MskArnResource Resource, string Name)
{
    private const string ClusterSegment = ":cluster/";

    /// <summary>The resource type as it appears in the ARN.</summary>
    public string ResourceType => Resource switch
    {
        MskArnResource.Topic => "topic",
        MskArnResource.Group => "group",
        MskArnResource.TransactionalId => "transactional-id",
        _ => throw new ArgumentOutOfRangeException(nameof(Resource), Resource, null),
    };

    /// <summary>The ARN for a resolved cluster ARN.</summary>
    /// <exception cref="FormatException">The value is not an MSK cluster ARN.</exception>
    public string Apply(string clusterArn)
    {
        ArgumentNullException.ThrowIfNull(clusterArn);
        var i = clusterArn.IndexOf(ClusterSegment, StringComparison.Ordinal);
        if (!clusterArn.StartsWith("arn:", StringComparison.Ordinal) || i < 0)
        {
            throw new FormatException($"the {ResourceType} ARN of {Name} needs an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>), got '{clusterArn}'");
        }

        return $"{clusterArn[..i]}:{ResourceType}/{clusterArn[(i + ClusterSegment.Length)..]}/{Name}";
    }
}

/// <summary>
/// A string input: a literal, or another resource's output (optionally turned into an MSK resource ARN). Never a
/// format string: what is done to the output is a typed value.
/// </summary>
public abstract record Text
{
    private protected Text()
    {
    }

    public static implicit operator Text(string value) => FromString(value);

    /// <summary>A literal.</summary>
    public static Text FromString(string value) => new Literal(value);

    /// <summary>The output as it is.</summary>
    public static Text Of(OutputRef source) => new Ref(source);

    /// <summary>The string for resolved output values (<paramref name="resolve"/> gives an output's value).</summary>
    public abstract string Resolve(Func<OutputRef, string> resolve);

    /// <summary>The value as a <see cref="Tree"/> value: the literal string, or the <see cref="OutputRef"/> (without a transform).</summary>
    public abstract object ToTreeValue();

    /// <summary>A literal string.</summary>
    public sealed record Literal(string Value) : Text
    {
        public override string Resolve(Func<OutputRef, string> resolve) => Value;

        public override object ToTreeValue() => Value;

        public override string ToString() => Value;
    }

    /// <summary>Output <see cref="Source"/>, with <see cref="MskArn"/> applied when set.</summary>
    public sealed record Ref(OutputRef Source, MskArnOf? MskArn = null) : Text
    {
        public override string Resolve(Func<OutputRef, string> resolve)
        {
            ArgumentNullException.ThrowIfNull(resolve);
            var value = resolve(Source);
            return MskArn is null ? value : MskArn.Apply(value);
        }

        public override object ToTreeValue() => MskArn is null
            ? Source
            : throw new InvalidOperationException($"{this} cannot be written into a Kubernetes body");

        public override string ToString() => MskArn is null ? Source.ToString() : $"{MskArn.ResourceType} ARN {MskArn.Name} of {Source}";
    }
}
