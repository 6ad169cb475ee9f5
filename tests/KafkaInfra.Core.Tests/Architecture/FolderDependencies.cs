using System.Reflection;
using System.Text.RegularExpressions;
using KafkaInfra.Core;

namespace KafkaInfra.Core.Tests.Architecture;

/// <summary>
/// Which of Core's folders (namespaces) each folder uses, read from the source: a file depends on a folder when it
/// imports its namespace or names one of its types (a type name declared in one folder only). Comments and plain
/// string literals are skipped, so a message that mentions a type is no dependency.
/// </summary>
internal static partial class FolderDependencies
{
    private const string RootNamespace = "KafkaInfra.Core";

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(?:\w+\s*=\s*)?(KafkaInfra\.Core[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*|(?<![$@\w""])""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrPlainString();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    /// <summary>Names rooted in the framework (System.Text, System.Text.Json...), whose segments may equal a Core type name.</summary>
    [GeneratedRegex(@"\b(?:System|Microsoft)(?:\.\w+)+")]
    private static partial Regex FrameworkName();

    /// <summary>Folder name of a namespace: <c>Desired.Strimzi</c> for <c>KafkaInfra.Core.Desired.Strimzi</c>, <c>(root)</c> for Core's own.</summary>
    public static string Folder(string ns) => ns == RootNamespace ? "(root)" : ns[(RootNamespace.Length + 1)..];

    /// <summary>Edges folder → folder (self-edges left out), each with one file that causes it.</summary>
    public static Dictionary<(string From, string To), string> Read(string coreSourceDir)
    {
        var types = typeof(Diagnostic).Assembly.GetTypes();
        var namespaces = types.Select(t => t.Namespace).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var typeFolders = types
            .Where(t => !t.IsNested && t.Namespace is not null && t.Namespace.StartsWith(RootNamespace, StringComparison.Ordinal) && !t.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(t => t.Name.Split('`')[0], StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Namespace).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => Folder(g.First().Namespace!), StringComparer.Ordinal);

        var edges = new Dictionary<(string, string), string>();
        var files = Directory.EnumerateFiles(coreSourceDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (NamespacePattern().Match(text) is not { Success: true } nsMatch)
            {
                continue;
            }

            var from = Folder(nsMatch.Groups[1].Value);
            var relative = Path.GetRelativePath(coreSourceDir, file);
            foreach (Match u in UsingPattern().Matches(text))
            {
                // using KafkaInfra.Core.X; or using static / an alias naming a type: its namespace is the longest known prefix.
                var name = u.Groups[1].Value;
                while (!namespaces.Contains(name) && name.Contains('.', StringComparison.Ordinal))
                {
                    name = name[..name.LastIndexOf('.')];
                }

                AddEdge(edges, from, Folder(name), relative);
            }

            var code = FrameworkName().Replace(CommentOrPlainString().Replace(text, " "), " ");
            foreach (Match id in Identifier().Matches(code))
            {
                // A name followed by '(' is a method (e.g. ConfigReader.StringMap(key)), unless it follows 'new'.
                var after = code.AsSpan(id.Index + id.Length).TrimStart();
                var isCall = after.Length > 0 && after[0] == '(' && !code.AsSpan(0, id.Index).TrimEnd().EndsWith("new", StringComparison.Ordinal);
                if (!isCall && typeFolders.TryGetValue(id.Value, out var to))
                {
                    AddEdge(edges, from, to, relative);
                }
            }
        }

        return edges;
    }

    private static void AddEdge(Dictionary<(string, string), string> edges, string from, string to, string file)
    {
        if (from != to)
        {
            edges.TryAdd((from, to), file);
        }
    }

    /// <summary>Every cycle's folders (strongly connected components with more than one folder), Tarjan's algorithm.</summary>
    public static List<List<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in edges)
        {
            (graph.TryGetValue(from, out var list) ? list : graph[from] = []).Add(to);
            graph.TryAdd(to, []);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph[v])
            {
                if (!index.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    result.Add(component);
                }
            }
        }

        foreach (var v in graph.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return result;
    }
}
