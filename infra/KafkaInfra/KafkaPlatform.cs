using KafkaInfra.Core;
using KafkaInfra.Core.Config;
using KafkaInfra.Core.Deployment;
using KafkaInfra.Core.Desired;
using KafkaInfra.Core.Desired.Build;
using KafkaInfra.Core.Desired.Cloud;
using KafkaInfra.Core.Planning;
using KafkaInfra.Core.Reports;
using Pulumi;

namespace KafkaInfra;

/// <summary>
/// The Pulumi program. Everything it decides comes from Core: it reads the stack config, plans it against what
/// this stack deployed last time (its own previous outputs), fails with Core's messages before registering
/// anything when the config is invalid or unsafe, and declares Core's desired state 1:1 as typed resources.
/// </summary>
public static class KafkaPlatform
{
    /// <summary>The name of the self-reference that reads the previous outputs.</summary>
    public const string PreviousOutputsResourceName = "previous-outputs";

    /// <summary>Entry point: <c>Deployment.RunAsync(KafkaPlatform.DeployAsync)</c>. Returns the stack outputs.</summary>
    public static async Task<IDictionary<string, object?>> DeployAsync()
    {
        var raw = ReadConfig();

        // 1. The config alone, before anything is registered (not even the stack reference).
        // A secret value stays secret (the outputs that carry config are secret) or is refused with its key named;
        // while one is secret, config messages are shown without their text (they quote values).
        var secretKeys = ReadSecretKeys();
        var configOnly = CapacityPlanner.Plan(raw);
        var secrets = ConfigSecrets.Check(secretKeys, configOnly.Plan?.Config);
        if (!configOnly.IsValid || !secrets.IsValid)
        {
            throw new RunException(StackConfigException.FormatMessage([.. secrets.Errors, .. ConfigSecrets.Redact(configOnly.Errors, secretKeys)]));
        }

        // 2. Against what was deployed: explicit partition decreases fail here, at preview time; computed ones keep the deployed count.
        var (deployed, previousInputs, previousSecret) = await ReadPreviousDeploymentAsync().ConfigureAwait(false);
        var result = CapacityPlanner.Plan(raw, deployed);
        if (!result.IsValid)
        {
            throw new RunException(StackConfigException.FormatMessage(ConfigSecrets.Redact(result.Errors, secretKeys)));
        }

        var plan = result.Plan!;
        foreach (var warning in ConfigSecrets.Redact(result.Warnings, secretKeys))
        {
            Log.Warn(warning.ToString());
        }

        foreach (var advice in ConfigSecrets.Redact(result.Advice, secretKeys))
        {
            Log.Info(advice.ToString());
        }

        // The scaling-impact report `kafka-infra diff` gives, against what this stack deployed last time.
        // Not when config was secret: the report quotes config values, and the log is plain text.
        if (secrets.AnySecret || previousSecret)
        {
            Log.Info("the scaling-impact report is not logged: this stack's config holds a secret value and the report quotes config values");
        }
        else
        {
            foreach (var line in ImpactReport.ForUpdate(deployed, previousInputs, plan).ToText())
            {
                Log.Info(line);
            }
        }

        // 3. Changes that delete data (a topic removed or renamed, a replaced cluster) fail here unless the config
        // acknowledges them in kafka-infra:allowDeletion: the same changes `kafka-infra diff` calls unsafe (exit 3).
        if (ApplyGate.Refusal(ImpactReport.ForUpdate(deployed, previousInputs, plan)) is { } refusal)
        {
            throw new RunException(refusal);
        }

        var desired = DesiredStateBuilder.Build(plan);
        var bootstrap = StackOutputs.BootstrapServersSource(plan);
        var registry = Declare(desired, bootstrap, plan);

        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // A plain string for Strimzi; the cluster's output (an Output<string>, never a bare Input) for MSK.
            [StackOutputs.BootstrapServers] = bootstrap switch
            {
                Text.Ref reference => registry.Resolved(reference),
                _ => (object)((Text.Literal)bootstrap).Value,
            },
        };
        foreach (var (name, value) in StackOutputs.PlanValues(plan))
        {
            outputs[name] = value;
        }

        var planInputs = StackOutputs.PlanInputsValue(raw);
        outputs[StackOutputs.PlanInputs] = secrets.AnySecret ? Output.CreateSecret(planInputs) : planInputs;

        return outputs;
    }

    /// <summary>The raw config values Core loads: every <c>kafka-infra:</c> key plus <c>aws:region</c>.</summary>
    internal static Dictionary<string, string?> ReadConfig()
    {
        var config = new Pulumi.Config(ConfigKeys.Namespace);
        var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in ConfigKeys.All)
        {
            raw[ConfigKeys.Qualified(key)] = config.Get(key);
        }

        raw["aws:region"] = new Pulumi.Config("aws").Get("region");

        // The names (not the values) of every other key, so Core can refuse one under a misspelled namespace
        // (kafka-infa:topics), which Pulumi accepts and kafka-infra would otherwise ignore.
        foreach (var key in ConfiguredKeys())
        {
            raw.TryAdd(key, null);
        }

        return raw;
    }

    /// <summary>
    /// Every config key of the stack, from PULUMI_CONFIG (a JSON object the language host sets, keys as
    /// <c>ns:key</c> or the older <c>ns:config:key</c>, which the SDK's Deployment.Config.cs CleanKey also accepts).
    /// </summary>
    private static string[] ConfiguredKeys()
    {
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => p.Name.Split(':') is [var ns, "config", var key] ? $"{ns}:{key}" : p.Name)
            .ToArray();
    }

    /// <summary>
    /// The config keys the engine marks secret. The language host passes them to the program in
    /// PULUMI_CONFIG_SECRET_KEYS (a JSON array of full keys), which the SDK reads into an internal set
    /// (Pulumi .NET SDK, Deployment.Config.cs, ParseConfigSecretKeys); the SDK has no public accessor for it.
    /// </summary>
    internal static IReadOnlyList<string> ReadSecretKeys()
    {
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");
        return string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    /// <summary>
    /// This stack's previous outputs through a StackReference to itself. The engine reads the last checkpoint,
    /// in preview and update alike; on the first deployment the outputs are missing and the state is empty.
    /// </summary>
    private static async Task<(DeployedState Deployed, IReadOnlyDictionary<string, string?>? PlanInputs, bool PlanInputsSecret)> ReadPreviousDeploymentAsync()
    {
        var self = new StackReference(PreviousOutputsResourceName, new StackReferenceArgs
        {
            Name = $"{Deployment.Instance.OrganizationName}/{Deployment.Instance.ProjectName}/{Deployment.Instance.StackName}",
        });

        var partitions = await ReadOutputAsync(self, StackOutputs.TopicPartitions).ConfigureAwait(false);
        var brokers = await ReadOutputAsync(self, StackOutputs.Brokers).ConfigureAwait(false);
        var storage = await ReadOutputAsync(self, StackOutputs.StorageGiB).ConfigureAwait(false);
        var acls = await ReadOutputAsync(self, StackOutputs.KafkaAclsDeclared).ConfigureAwait(false);
        // planInputs is secret when the last deployment's config held a secret: the impact report is then not logged.
        var inputs = await self.GetOutputDetailsAsync(StackOutputs.PlanInputs).ConfigureAwait(false);
        var read = DeployedStateReader.Read(partitions, brokers, storage, acls);
        return read.IsValid
            ? (read.State, StackOutputs.ReadPlanInputs(inputs.Value ?? inputs.SecretValue), inputs.SecretValue is not null)
            : throw new RunException(read.FormatErrors());
    }

    /// <summary>
    /// One previous output, secret or not; null when the previous deployment did not export it (the first deployment).
    /// <c>GetValueAsync</c> throws for a secret output (pulumi-dotnet v3.112.1 <c>StackReference</c>), so the
    /// details are read instead: the value stays inside the program, which only plans against it.
    /// </summary>
    private static async Task<object?> ReadOutputAsync(StackReference self, string name)
    {
        var details = await self.GetOutputDetailsAsync(name).ConfigureAwait(false);
        return details.Value ?? details.SecretValue;
    }

    /// <summary>
    /// Declares the desired state: first checks every reference, Kubernetes body shape and provider secret (so a
    /// problem fails before anything is registered), then creates the components, the cloud resources in order
    /// (dependencies first), the Kubernetes objects stage by stage, and completes the components.
    /// </summary>
    internal static CloudRegistry Declare(DesiredState desired, Text? bootstrap, CapacityPlan? plan = null)
    {
        var problems = PulumiLayout.ReferenceProblems(desired).Select(p => p.ToString())
            .Concat(bootstrap is null ? [] : PulumiLayout.OutputProblems("stack output " + StackOutputs.BootstrapServers, bootstrap, desired).Select(p => p.ToString()))
            .Concat(desired.Kubernetes.Select(KubernetesMapper.Problem).OfType<string>())
            .Concat(desired.Cloud.Select(CloudMapper.MissingSecret).OfType<string>())
            .Concat(desired.Cloud.Select(c => ProviderCredentials.PlainCredential(c, ReadSecretKeys())).OfType<string>())
            .ToArray();
        if (problems.Length > 0)
        {
            throw new RunException(
                $"the desired state cannot be declared ({problems.Length} problem{(problems.Length == 1 ? "" : "s")}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }

        var components = PulumiLayout.Components(desired)
            .ToDictionary(c => c, c => PlatformComponents.Create(c, plan, bootstrap), StringComparer.Ordinal);

        var registry = new CloudRegistry();
        foreach (var resource in desired.Cloud)
        {
            var component = components[resource.Component];
            var name = PulumiLayout.ChildName(resource);
            var options = CloudMapper.Options(resource, component, registry.Get, registry.Provider);
            registry.Add(resource.Name, CloudMapper.Declare(resource, name, options, registry));
            component.Adopt(name);
        }

        // Each object waits only for what it needs (its namespace, credentials, cluster, ...), never for a whole stage.
        var dependencies = PulumiLayout.Dependencies(desired.Kubernetes);
        var declared = new Resource[desired.Kubernetes.Count];
        // Stage by stage (stable): every dependency comes earlier in this order, so it is declared first.
        foreach (var i in Enumerable.Range(0, declared.Length).OrderBy(i => desired.Kubernetes[i].Stage))
        {
            var obj = desired.Kubernetes[i];
            var component = components[obj.Component];
            var name = PulumiLayout.ChildName(obj);
            var safety = plan is null ? ObjectSafety.None : PulumiLayout.Safety(obj, plan.Config);
            var options = KubernetesMapper.Options(obj, component, dependencies[i].Select(j => declared[j]), safety);
            declared[i] = KubernetesMapper.Declare(obj, name, options, registry);
            component.Adopt(name);
        }

        foreach (var component in components.Values)
        {
            component.Complete(registry);
        }

        return registry;
    }
}
