using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests.Arm;

/// <summary>
/// A compiled ARM template, or one of its nested module deployments, with just enough expression evaluation to follow
/// a value through module boundaries: <c>[parameters('x')]</c>, <c>[variables('x').y]</c> and references to another
/// module's outputs. Anything else (format, union, reference to a resource) is returned as the expression text.
/// </summary>
public sealed partial class ArmTemplate
{
    private readonly JsonObject _template;
    private readonly JsonObject? _parameterValues;
    private readonly ArmTemplate? _parent;

    private ArmTemplate(string name, JsonObject template, JsonObject? parameterValues, ArmTemplate? parent)
    {
        Name = name;
        _template = template;
        _parameterValues = parameterValues;
        _parent = parent;
    }

    /// <summary>The module deployment's name, or <c>main</c> for the root template.</summary>
    public string Name { get; }

    public string Schema => (string)_template["$schema"]!;

    /// <summary>
    /// The resources this template deploys, including module deployments but not what those deploy. References to
    /// existing resources (which templates with languageVersion 2.0 list among their resources) are left out.
    /// </summary>
    public IEnumerable<JsonObject> Resources => (_template["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        // Templates with languageVersion 2.0 key their resources by symbolic name.
        JsonObject bySymbol => bySymbol.Select(r => r.Value!.AsObject()),
        _ => [],
    }).Where(r => r["existing"]?.GetValue<bool>() != true);

    public IEnumerable<ArmTemplate> Modules => Resources
        .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments")
        .Select(r => new ArmTemplate(
            (string)r["name"]!,
            r["properties"]!["template"]!.AsObject(),
            r["properties"]!["parameters"]?.AsObject(),
            this));

    public IReadOnlyDictionary<string, JsonNode?> Outputs =>
        (_template["outputs"]?.AsObject() ?? []).ToDictionary(o => o.Key, o => o.Value!["value"]);

    public IReadOnlyCollection<string> ParameterNames =>
        (_template["parameters"]?.AsObject() ?? []).Select(p => p.Key).ToArray();

    /// <summary>Parameters the deployment cannot start without: no default value and not nullable.</summary>
    public IReadOnlyCollection<string> RequiredParameterNames =>
        (_template["parameters"]?.AsObject() ?? [])
            .Where(p => p.Value!["defaultValue"] is null && p.Value["nullable"]?.GetValue<bool>() != true)
            .Select(p => p.Key)
            .ToArray();

    public static ArmTemplate Parse(string json) =>
        new("main", JsonNode.Parse(json)!.AsObject(), parameterValues: null, parent: null);

    /// <summary>A module deployed by this template, found by its deployment name.</summary>
    public ArmTemplate Module(string deploymentName) =>
        Modules.SingleOrDefault(m => m.Name == deploymentName)
        ?? throw new InvalidOperationException($"'{Name}' deploys no module named '{deploymentName}'.");

    /// <summary>Every resource this template deploys, directly or through modules, with the template declaring it.</summary>
    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> AllResources() =>
        Resources.Select(r => (this, r)).Concat(Modules.SelectMany(m => m.AllResources()));

    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> AllResourcesOfType(string type) =>
        AllResources().Where(r => string.Equals((string?)r.Resource["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The single resource of a type, anywhere in the deployment.</summary>
    public (ArmTemplate Template, JsonObject Resource) SingleResourceOfType(string type)
    {
        var matches = AllResourcesOfType(type).ToArray();
        return matches.Length == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one '{type}' resource, found {matches.Length}.");
    }

    /// <summary>
    /// Follows a value through parameters, variables and module outputs as far as they lead. Arrays and objects are
    /// resolved element by element, each in the scope it was written in.
    /// </summary>
    public JsonNode? Resolve(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(e => Resolve(e)?.DeepClone())]);
            case JsonObject obj:
                return new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)?.DeepClone())));
            case JsonValue when value.GetValueKind() == JsonValueKind.String:
                break;
            default:
                return value;
        }

        var text = (string)value!;
        if (ParametersExpression().Match(text) is { Success: true } parameter)
        {
            return Navigate(ResolveParameter(parameter.Groups["name"].Value), parameter.Groups["path"].Value);
        }

        if (VariablesExpression().Match(text) is { Success: true } variable)
        {
            var declared = _template["variables"]?[variable.Groups["name"].Value]
                ?? throw new InvalidOperationException($"'{Name}' declares no variable '{variable.Groups["name"].Value}'.");
            return Navigate(Resolve(declared), variable.Groups["path"].Value);
        }

        // A template can only reference the outputs of modules it deploys itself.
        if (ModuleOutputExpression().Match(text) is { Success: true } output)
        {
            return ResolveModuleOutput(output.Groups["module"].Value, output.Groups["output"].Value) ?? value;
        }

        if (UnionExpression().Match(text) is { Success: true } union)
        {
            return ResolveUnion(union.Groups["arguments"].Value) ?? value;
        }

        return value;
    }

    /// <summary>Resolves a value and returns it as text: a literal, or the expression it could not resolve further.</summary>
    public string? ResolveText(JsonNode? value) => Resolve(value) switch
    {
        null => null,
        JsonValue resolved when resolved.GetValueKind() == JsonValueKind.String => (string)resolved!,
        var other => other.ToJsonString(),
    };

    private JsonNode? ResolveParameter(string name)
    {
        if (_parameterValues?[name] is { } passed)
        {
            // A module's parameter value is written in the calling template's terms: a { value } object, or for a
            // conditional value one expression choosing between createObject('value', ...) calls, kept as text.
            return passed is JsonObject argument ? _parent!.Resolve(argument["value"]) : passed.DeepClone();
        }

        var declared = _template["parameters"]?[name]
            ?? throw new InvalidOperationException($"'{Name}' declares no parameter '{name}'.");

        // Without a default the value comes from the deployment itself (azd's parameters file): keep the reference.
        return declared["defaultValue"] is { } defaultValue ? Resolve(defaultValue) : JsonValue.Create($"[parameters('{name}')]");
    }

    // union() of objects that all resolve, as api.bicep builds app settings and tags: later objects win, as in ARM.
    private JsonObject? ResolveUnion(string arguments)
    {
        var merged = new JsonObject();
        foreach (var argument in SplitArguments(arguments))
        {
            if (Resolve(JsonValue.Create($"[{argument}]")) is not JsonObject resolved)
            {
                return null;
            }

            foreach (var (key, item) in resolved)
            {
                merged[key] = item?.DeepClone();
            }
        }

        return merged;
    }

    private static IEnumerable<string> SplitArguments(string arguments)
    {
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '\'':
                    inString = !inString;
                    break;
                case '(' or '[' when !inString:
                    depth++;
                    break;
                case ')' or ']' when !inString:
                    depth--;
                    break;
                case ',' when !inString && depth == 0:
                    yield return arguments[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return arguments[start..].Trim();
    }

    private JsonNode? ResolveModuleOutput(string module, string output) =>
        Modules.SingleOrDefault(m => m.Name == module) is { } target && target.Outputs.TryGetValue(output, out var value)
            ? target.Resolve(value)
            : null;

    // The node is already resolved, so its properties are too.
    private static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var property in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[property];
        }

        return node;
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']+)'\)(?<path>(\.\w+)*)\]$")]
    private static partial Regex ParametersExpression();

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)(?<path>(\.\w+)*)\]$")]
    private static partial Regex VariablesExpression();

    [GeneratedRegex(@"^\[union\((?<arguments>.*)\)\]$")]
    private static partial Regex UnionExpression();

    [GeneratedRegex(@"^\[reference\(.*'Microsoft\.Resources/deployments', '(?<module>[^']+)'\), '[^']+'\)\.outputs\.(?<output>\w+)\.value\]$")]
    private static partial Regex ModuleOutputExpression();
}
