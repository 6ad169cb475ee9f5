using KafkaInfra.Core.Config;

namespace KafkaInfra.Core.Planning;

/// <summary>
/// One planning run: applies every rule in order and collects errors, warnings and advice. The rules are split by
/// concept: the platform's own rules (PlanContext.Platform.cs), topics (PlanContext.Topics.cs), the workloads that
/// read them (PlanContext.Workloads.cs) and cluster sizing (PlanContext.Cluster.cs).
/// </summary>
/// <param name="relaxed">Plan the base side of a comparison: its prod errors become warnings, since only its numbers
/// (what is deployed) matter there, and rules that grew stricter since it was deployed must not hide the comparison.</param>
internal sealed partial class PlanContext(StackConfig config, DeployedState deployed, bool relaxed = false)
{
    private static readonly string ClusterPath = ConfigKeys.Qualified(ConfigKeys.Cluster);
    private static readonly string TopicDefaultsPath = ConfigKeys.Qualified(ConfigKeys.TopicDefaults);

    private Dictionary<string, TopicPlan>? _planIndex;

    public List<Diagnostic> Errors { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    public List<Diagnostic> Advice { get; } = [];

    public List<TopicPlan> Topics { get; } = [];

    public List<ConsumerPlan> Consumers { get; } = [];

    public List<ConnectGroupPlan> Connect { get; } = [];

    public List<KsqlDbGroupPlan> KsqlDb { get; } = [];

    public ClusterPlan? Cluster { get; private set; }

    private ClusterPlatform Platform => config.Cluster.Platform;

    private PlatformProfile Profile => config.Cluster.Profile;

    public void Run()
    {
        CheckPlatform();
        PlanTopics();
        PlanConsumers();
        PlanConnect();
        PlanKsqlDb();
        PlanClients();
        CheckDerivedNames();
        PlanCluster();
        CheckExternalCapacity();
    }

    private void Error(string path, string message) => Errors.Add(new Diagnostic(path, message));

    private void Warn(string path, string message) => Warnings.Add(new Diagnostic(path, message));

    private bool Strict => config.IsProd && !relaxed;

    /// <summary>An error in prod, a warning in dev.</summary>
    private void ProdError(string path, string message)
    {
        if (Strict)
        {
            Error(path, message + " (required in prod)");
        }
        else
        {
            Warn(path, message + " (an error in prod)");
        }
    }

    /// <summary>A capacity shortfall: an error in prod (the platform would fall over at the declared rate), a warning in dev.</summary>
    private void Shortfall(string path, string message)
    {
        if (Strict)
        {
            Error(path, message + " (a capacity shortfall: an error in prod)");
        }
        else
        {
            Warn(path, message + " (a capacity shortfall: an error in prod)");
        }
    }

    private TopicPlan PlanFor(string name)
    {
        _planIndex ??= Topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        return _planIndex[name];
    }
}
