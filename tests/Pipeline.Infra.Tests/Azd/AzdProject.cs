using Pipeline.Testing;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Infra.Tests.Azd;

/// <summary>The parts of azure.yaml that azd acts on: services, the infra entry point and hooks.</summary>
public sealed class AzdProject
{
    private readonly YamlMappingNode _root;

    private AzdProject(string directory, YamlMappingNode root)
    {
        Directory = directory;
        _root = root;
    }

    /// <summary>The folder azure.yaml sits in; azd resolves every relative path from here.</summary>
    public string Directory { get; }

    public string Name => Scalar(_root, "name") ?? throw new InvalidOperationException("azure.yaml has no name.");

    public IReadOnlyDictionary<string, AzdService> Services =>
        Mapping(_root, "services")?.Children.ToDictionary(
            s => ((YamlScalarNode)s.Key).Value!,
            s => new AzdService(
                Scalar(s.Value, "project") ?? "",
                Scalar(s.Value, "language") ?? "",
                Scalar(s.Value, "host") ?? ""))
        ?? [];

    /// <summary>azd's defaults when azure.yaml does not say: infra/main.bicep.</summary>
    public string InfraPath => Scalar(Mapping(_root, "infra"), "path") ?? "infra";

    public string InfraModule => Scalar(Mapping(_root, "infra"), "module") ?? "main";

    /// <summary>Every hook command, one per platform variant.</summary>
    public IReadOnlyList<AzdHook> Hooks =>
        Mapping(_root, "hooks")?.Children
            .SelectMany(hook => HookVariants(((YamlScalarNode)hook.Key).Value!, hook.Value))
            .ToArray()
        ?? [];

    public static AzdProject Load()
    {
        var path = Path.Combine(TestData.RepositoryRoot, "azure.yaml");
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return new AzdProject(TestData.RepositoryRoot, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>A path from azure.yaml as a full path (azd accepts ./ prefixes and forward slashes on every OS).</summary>
    public string FullPath(string relative) => Path.GetFullPath(Path.Combine(Directory, relative));

    private static IEnumerable<AzdHook> HookVariants(string name, YamlNode hook)
    {
        if (Scalar(hook, "run") is { } run)
        {
            yield return new AzdHook(name, "any", Scalar(hook, "shell") ?? "", run);
        }

        foreach (var platform in new[] { "windows", "posix" })
        {
            if (Mapping(hook, platform) is { } variant)
            {
                yield return new AzdHook(name, platform, Scalar(variant, "shell") ?? "", Scalar(variant, "run") ?? "");
            }
        }
    }

    private static YamlMappingNode? Mapping(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value as YamlMappingNode
            : null;

    private static string? Scalar(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? (value as YamlScalarNode)?.Value
            : null;
}

public sealed record AzdService(string Project, string Language, string Host);

public sealed record AzdHook(string Name, string Platform, string Shell, string Run);
