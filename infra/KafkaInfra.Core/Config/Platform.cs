namespace KafkaInfra.Core.Config;

/// <summary>
/// Which platform runs the brokers. The member names are part of the output of <c>kafka-infra plan --output json</c>
/// (<c>"platform"</c>); the questions each platform answers live in its <see cref="PlatformProfile"/>.
/// </summary>
public enum Platform
{
    Strimzi,
    MskProvisioned,
    MskExpress,
    MskServerless,
    External,
}

/// <summary>
/// The platform a stack runs on, with the config section that only that platform has: exactly one of
/// <see cref="StrimziPlatform"/>, <see cref="MskProvisionedPlatform"/> (Standard or Express brokers),
/// <see cref="MskServerlessPlatform"/> and <see cref="ExternalPlatform"/>. Chosen once, when the config loads (<see cref="Of"/>).
/// </summary>
public abstract record ClusterPlatform
{
    private protected ClusterPlatform()
    {
    }

    /// <summary>Which of the platforms this is.</summary>
    public abstract Platform Kind { get; }

    /// <summary>The answers to every platform question (brokers, storage, limits, report text).</summary>
    public PlatformProfile Profile => PlatformProfile.For(Kind);

    /// <summary>
    /// The platform a cluster section declares: <c>strimzi:</c>, <c>msk:</c> (serverless when <c>msk.serverless</c>
    /// is true) or <c>external:</c>. Null unless exactly one of the three is set (the loader reports that).
    /// </summary>
    public static ClusterPlatform? Of(StrimziConfig? strimzi, MskConfig? msk, ExternalConfig? external = null) => (strimzi, msk, external) switch
    {
        ({ } s, null, null) => new StrimziPlatform(s),
        (null, { Serverless: true } m, null) => new MskServerlessPlatform(m),
        (null, { } m, null) => new MskProvisionedPlatform(m),
        (null, null, { } e) => new ExternalPlatform(e),
        _ => null,
    };
}

/// <summary>Kafka on Kubernetes, run by the Strimzi operator (<c>cluster.strimzi</c>).</summary>
public sealed record StrimziPlatform(StrimziConfig Config) : ClusterPlatform
{
    public override Platform Kind => Platform.Strimzi;
}

/// <summary>Amazon MSK (<c>cluster.msk</c>), provisioned or serverless.</summary>
public abstract record MskPlatform : ClusterPlatform
{
    private protected MskPlatform(MskConfig config)
    {
        Config = config;
    }

    public MskConfig Config { get; }

    /// <summary>
    /// The clients' default mechanism: MSK Serverless supports IAM only; provisioned clusters use the first of
    /// <c>msk.authentication</c>.
    /// </summary>
    public abstract MskAuthentication Authentication { get; }

    /// <summary>Every mechanism the cluster enables, <see cref="Authentication"/> first.</summary>
    public abstract IReadOnlyList<MskAuthentication> Mechanisms { get; }

    /// <summary>The MSK cluster resource's bootstrap output clients connect to, for <see cref="Authentication"/>.</summary>
    public string BootstrapOutput => KafkaResources.MskBootstrapOutput(Authentication);

    /// <summary>True when the cluster enables <paramref name="mechanism"/>.</summary>
    public bool Enables(MskAuthentication mechanism) => Mechanisms.Contains(mechanism);

    /// <summary>The mechanism a client logs in with: its own <c>authentication</c> when set, else the cluster's default.</summary>
    public MskAuthentication MechanismOf(MskAuthentication? chosen) => chosen ?? Authentication;

    /// <summary>
    /// The mechanism the deployer (the Kafka provider) uses: IAM whenever the cluster enables it (IAM policies authorize
    /// it, so it needs no ACLs of its own and no password), else SCRAM, else mutual TLS.
    /// </summary>
    public MskAuthentication DeployerMechanism =>
        Enables(MskAuthentication.Iam) ? MskAuthentication.Iam : Enables(MskAuthentication.Scram) ? MskAuthentication.Scram : MskAuthentication.Tls;

    /// <summary>
    /// True when some principals are authorized with Kafka ACLs: SCRAM and mutual-TLS principals are; IAM identities
    /// never are (MSK developer guide, "IAM access control": ACLs have no effect on IAM identities).
    /// </summary>
    public bool AuthorizesWithAcls => Mechanisms.Any(m => m != MskAuthentication.Iam);
}

/// <summary>Provisioned MSK: Standard brokers (<c>kafka.*</c>, EBS storage) or Express brokers (<c>express.*</c>, no storage to manage).</summary>
public sealed record MskProvisionedPlatform : MskPlatform
{
    public MskProvisionedPlatform(MskConfig config)
        : base(config)
    {
    }

    /// <summary>Express brokers (<c>express.m7g.*</c>): RF 3 and min ISR 2 fixed, storage managed by AWS.</summary>
    public bool Express => Config.IsExpress;

    public override Platform Kind => Express ? Platform.MskExpress : Platform.MskProvisioned;

    public override MskAuthentication Authentication => Config.Authentication;

    public override IReadOnlyList<MskAuthentication> Mechanisms => Config.Mechanisms;

    /// <summary>The broker type with its partition limits; null when the type is not in <see cref="MskInstanceTypes"/>.</summary>
    public MskInstanceType? InstanceType => MskInstanceTypes.Find(Config.InstanceType);
}

/// <summary>MSK Serverless: no brokers or storage to size; IAM authentication only.</summary>
public sealed record MskServerlessPlatform : MskPlatform
{
    public MskServerlessPlatform(MskConfig config)
        : base(config)
    {
    }

    public override Platform Kind => Platform.MskServerless;

    public override MskAuthentication Authentication => MskAuthentication.Iam;

    public override IReadOnlyList<MskAuthentication> Mechanisms { get; } = [MskAuthentication.Iam];
}
