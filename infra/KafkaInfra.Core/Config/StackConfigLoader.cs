using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KafkaInfra.Core.Config;

/// <summary>The outcome of loading a stack config: the model when valid, else every error.</summary>
public sealed record LoadResult(StackConfig? Config, IReadOnlyList<Diagnostic> Errors)
    : Result<StackConfig>(Config, Errors, [], []);

/// <summary>
/// The one loading path for a stack config, used by the Pulumi program and the CLI alike. It takes the
/// raw Pulumi config values (fully qualified key → string, structured values as JSON text, exactly what
/// <c>Pulumi.Config.Get</c> returns) and builds a validated <see cref="StackConfig"/>, collecting every error.
/// </summary>
public static partial class StackConfigLoader
{
    /// <summary>Kafka versions Strimzi 1.2 runs.</summary>
    public static IReadOnlyList<string> StrimziKafkaVersions => ConfigCatalogue.StrimziKafkaVersions;

    /// <summary>Retention values CloudWatch Logs accepts (days).</summary>
    public static IReadOnlyList<int> CloudWatchRetentionDays => ConfigCatalogue.CloudWatchRetentionDays;

    /// <summary>Connector config keys Strimzi's KafkaConnector forbids in <c>spec.config</c> (they are fields of their own).</summary>
    public static IReadOnlyList<string> ForbiddenConnectorConfigKeys => ConfigCatalogue.ForbiddenConnectorConfigKeys;

    /// <summary>Loads and validates; never throws for bad input.</summary>
    /// <param name="raw">
    /// Fully qualified config keys (<c>kafka-infra:topics</c>) to raw values. Keys of the namespaces other tools read
    /// (<see cref="ForeignNamespaces"/>, or any namespace not resembling kafka-infra) are ignored; a key without a
    /// namespace, or one that looks meant for kafka-infra under a misspelled namespace, is refused.
    /// </param>
    public static LoadResult Load(IReadOnlyDictionary<string, string?> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var errors = new ErrorBag();
        var prefix = ConfigKeys.Namespace + ":";
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var documents = new List<JsonDocument>();
        var unparsable = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var stackValues = raw as StackValueDictionary;
            foreach (var key in raw.Keys.Order(StringComparer.Ordinal))
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    if (ForeignKeyProblem(key) is { } problem)
                    {
                        errors.Add(key, problem);
                    }

                    continue;
                }

                var name = key[prefix.Length..];
                if (!ConfigKeys.All.Contains(name))
                {
                    errors.Add(key, ObjectReader.UnknownKeyMessage(name, ConfigKeys.All));
                    continue;
                }

                if (stackValues is not null && ConfigKeys.Structured.Contains(name) && stackValues.TryGetUtf8Json(key, out var utf8))
                {
                    // The stack file's own JSON: parsed as it is, with the same limits as a string value.
                    if (InputLimits.CheckRawJson(utf8.Span) is { } beyond)
                    {
                        unparsable.Add(name);
                        errors.Add(key, beyond);
                        continue;
                    }

                    var parsed = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = InputLimits.MaxValueDepth + 1 });
                    documents.Add(parsed);
                    values[name] = parsed.RootElement;
                    continue;
                }

                var value = raw[key];
                if (value is null)
                {
                    continue;
                }

                if (InputLimits.CheckRawValue(value, ConfigKeys.Structured.Contains(name)) is { } beyondLimits)
                {
                    unparsable.Add(name);
                    errors.Add(key, beyondLimits);
                    continue;
                }

                if (!ConfigKeys.Structured.Contains(name))
                {
                    values[name] = JsonSerializer.SerializeToElement(value, CoreJson.Default.String);
                    continue;
                }

                try
                {
                    var doc = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = InputLimits.MaxValueDepth + 1 });
                    documents.Add(doc);
                    values[name] = doc.RootElement;
                }
                catch (JsonException)
                {
                    unparsable.Add(name);
                    var expected = ConfigKeyTable.IsList(name) ? "a list" : "a mapping";
                    errors.Add(key, $"must be {expected} (structured config: write it as YAML in Pulumi.<stack>.yaml or set it with `pulumi config set --path`), got {Describe.Quote(value)}");
                }
            }

            raw.TryGetValue("aws:region", out var awsRegion);
            var config = Build(values, errors, unparsable, awsRegion);
            return new LoadResult(errors.Count == 0 ? config : null, errors.Errors);
        }
        finally
        {
            foreach (var doc in documents)
            {
                doc.Dispose();
            }
        }
    }

    private static StackConfig? Build(Dictionary<string, JsonElement> values, ErrorBag errors, HashSet<string> unparsable, string? awsRegion)
    {
        var environment = ReadEnvironment(values, errors, unparsable);
        var cluster = unparsable.Contains(ConfigKeys.Cluster) ? null : ReadCluster(values, errors, awsRegion);
        var defaults = ReadTopicDefaults(values, errors);
        var topics = ReadList(values, ConfigKeys.Topics, errors, ReadTopic);
        var consumers = ReadList(values, ConfigKeys.Consumers, errors, ReadConsumer);
        var connect = ReadList(values, ConfigKeys.Connect, errors, ReadConnectGroup);
        var ksql = ReadList(values, ConfigKeys.KsqlDb, errors, ReadKsqlGroup);
        var tags = ReadTags(values, errors);
        var producers = ReadList(values, ConfigKeys.Producers, errors, ReadProducer);
        var users = ReadList(values, ConfigKeys.Users, errors, ReadUser);

        // References are checked against every topic the list names, also those rejected for another field, so one
        // bad field gives one error, not a false "not in kafka-infra:topics" at each reader of the topic.
        var declared = DeclaredTopicNames(values);
        CheckTopics(topics, errors);
        CheckConsumers(consumers, topics, declared, errors);
        CheckConnect(connect, topics, declared, errors);
        CheckKsql(ksql, topics, declared, errors);
        CheckProducers(producers, consumers, topics, declared, errors);
        CheckUsers(users, new DerivedNames(cluster?.Name, consumers, producers, connect, ksql), errors);
        CheckGroupIds(consumers, connect, errors);
        CheckStrimziShape(cluster, environment?.Rules, new ListenerClients(consumers, producers, connect, ksql, users), errors);

        var allowDeletion = ReadAllowDeletion(values, errors);
        return cluster is null || environment is not { } env
            ? null
            : new StackConfig(env.Rules, cluster, defaults, topics, consumers, connect, ksql, tags, allowDeletion, env.Name) { Producers = producers, Users = users };
    }

    private static (DeploymentEnvironment Rules, string Name)? ReadEnvironment(Dictionary<string, JsonElement> values, ErrorBag errors, HashSet<string> unparsable)
    {
        // No default: a stack that forgets to say prod must not be validated with dev's rules.
        var path = ConfigKeys.Qualified(ConfigKeys.Environment);
        var rulesPath = ConfigKeys.Qualified(ConfigKeys.EnvironmentRules);
        var choices = string.Join(" or ", ConfigCatalogue.Environments.Keys);
        DeploymentEnvironment? declared = null;
        if (values.TryGetValue(ConfigKeys.EnvironmentRules, out var r))
        {
            var text = r.GetString() ?? "";
            if (ConfigCatalogue.Environments.TryGetValue(text, out var rules))
            {
                declared = rules;
            }
            else
            {
                errors.Add(rulesPath, $"must be {choices}: the rules the environment follows; got {Describe.Quote(text)}");
                return null;
            }
        }

        if (!values.TryGetValue(ConfigKeys.Environment, out var e))
        {
            // Set but refused already (beyond the input limits): one error for it is enough.
            if (unparsable.Contains(ConfigKeys.Environment))
            {
                return null;
            }

            errors.Add(path, $"is required; expected {choices} (there is no default, so a production stack is never checked with dev's rules)");
            return null;
        }

        var s = e.GetString() ?? "";
        if (ConfigCatalogue.Environments.TryGetValue(s, out var env))
        {
            if (declared is { } other && other != env)
            {
                errors.Add(rulesPath, $"is {Describe.Quote(Lower(other))}, but the environment {Describe.Quote(s)} always follows its own rules; remove {rulesPath}");
                return null;
            }

            return (env, s);
        }

        if (s.Length > 32 || !EnvironmentNamePattern().IsMatch(s))
        {
            errors.Add(path, $"must be {choices}, or another lowercase name (letters, digits, '-') with {rulesPath}: {choices}; got {Describe.Quote(s)}");
            return null;
        }

        if (declared is null)
        {
            errors.Add(rulesPath, $"is required for the environment {Describe.Quote(s)}: say whether it follows prod's rules (unsafe settings and capacity shortfalls are errors) or dev's (warnings); expected {choices}");
            return null;
        }

        return (declared.Value, s);
    }

    private static string Lower(DeploymentEnvironment e) => e.ToString().ToLowerInvariant();

    /// <summary>An environment name other than dev/prod: lowercase, as it becomes a tag value and a GitHub environment name.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentNamePattern();

    private static List<T> ReadList<T>(Dictionary<string, JsonElement> values, string key, ErrorBag errors, Func<JsonElement, string, int, ErrorBag, T?> read)
        where T : class
    {
        var result = new List<T>();
        if (!values.TryGetValue(key, out var list))
        {
            return result;
        }

        var index = 0;
        foreach (var (element, path) in ObjectReader.ListOf(list, ConfigKeys.Qualified(key), errors))
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, $"must be a mapping, got {Describe.Value(element)}");
            }
            else if (read(element, path, index, errors) is { } item)
            {
                result.Add(item);
            }

            index++;
        }

        return result;
    }

    /// <summary>Config namespaces of the other tools a kafka-infra stack uses; their keys are left to them.</summary>
    public static IReadOnlyList<string> ForeignNamespaces { get; } = ["aws", "kafka", "kubernetes", "pulumi"];

    /// <summary>
    /// Why a key outside the kafka-infra namespace is refused, or null when it belongs to another tool. Pulumi refuses
    /// keys without a namespace; a misspelled namespace (<c>kafka-infa:topics</c>) would otherwise drop a whole section
    /// silently, and <c>diff</c> would then call removing it safe.
    /// </summary>
    private static string? ForeignKeyProblem(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? "" : key[..colon];
        var name = colon < 0 ? key : key[(colon + 1)..];
        if (ForeignNamespaces.Contains(ns, StringComparer.Ordinal))
        {
            return null;
        }

        var known = Suggest.Closest(name, ConfigKeys.All);
        var meant = known is null ? null : ConfigKeys.Qualified(known);
        if (colon < 0)
        {
            return meant is not null
                ? $"has no namespace: Pulumi config keys are <namespace>:<key>; did you mean '{meant}'?"
                : $"has no namespace: Pulumi config keys are <namespace>:<key>, and kafka-infra reads {ConfigKeys.Namespace}:<key> ({string.Join(", ", ConfigKeys.All)})";
        }

        // Other tools' namespaces pass; one within a few edits of kafka-infra was meant for it.
        return Suggest.Closest(ns, [ConfigKeys.Namespace]) is null
            ? null
            : $"is not read: the namespace {Describe.Quote(ns)} is not {Describe.Quote(ConfigKeys.Namespace)}; did you mean '{meant ?? ConfigKeys.Qualified(name)}'?";
    }

    /// <summary>A key of the one key table (its name and range), by path.</summary>
    private static ConfigKeyInfo Key(string path) => ConfigKeyTable.Find(path);

    /// <summary>The keys a mapping accepts, from the one key table.</summary>
    private static string[] KeysOf(string parent) => ConfigKeyTable.KeysOf(parent);
}
