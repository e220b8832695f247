using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;

namespace Pipeline.Api.Documentation;

/// <summary>
/// <see cref="ApiDocument"/> rendered as one self-contained HTML page: every operation with its parameters, body,
/// responses and examples, every schema, and a form per operation to try it. Styles and the script are inline and
/// nothing is loaded from elsewhere, so the page works without internet access.
/// </summary>
public static class ApiDocsPage
{
    private static readonly Lazy<string> Page = new(() => Render(ApiDocument.Create()));

    public static string Html => Page.Value;

    public static string Render(JsonObject document)
    {
        var html = new StringBuilder();
        var info = document["info"]!;
        var title = E((string)info["title"]!);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <style>{Style}</style>
            </head>
            <body>
            <header>
            <h1>{title} <small>{E((string)info["version"]!)} · OpenAPI {E((string)document["openapi"]!)}</small></h1>
            <p><a href="{ApiDocument.PathOf(ApiRoutes.OpenApi)}">{ApiDocument.PathOf(ApiRoutes.OpenApi)}</a> is this document as JSON.</p>
            <label>Function key (Azure only; the local host needs none) <input id="function-key" autocomplete="off" placeholder="x-functions-key"></label>
            </header>
            <nav><ul>
            """);

        var operations = Operations(document).ToList();
        foreach (var (path, method, operation) in operations)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"""<li><a href="#{E(Id(operation))}"><span class="method {method}">{method.ToUpperInvariant()}</span> {E(path)}</a></li>""");
        }

        html.Append("""<li><a href="#schemas">Schemas</a></li></ul></nav><main>""");
        html.Append("<section class=\"intro\">").Append(MiniMarkdown.ToHtml((string)info["description"]!)).Append("</section>");

        foreach (var (path, method, operation) in operations)
        {
            RenderOperation(html, document, path, method, operation);
        }

        html.Append("""<section id="schemas"><h2>Schemas</h2>""");
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            RenderSchema(html, name, schema!.AsObject());
        }

        html.Append("</section></main><script>").Append(Script).Append("</script></body></html>\n");
        return html.ToString();
    }

    /// <summary>Every operation of the document as (path, lower-case method, operation object), in document order.</summary>
    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        select (path.Key, method.Key, method.Value!.AsObject());

    private static void RenderOperation(StringBuilder html, JsonObject document, string path, string method, JsonObject operation)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p!.AsObject())).ToList();
        var anonymous = operation["security"] is JsonArray { Count: 0 };
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="operation" id="{E(Id(operation))}">
            <h2><span class="method {method}">{method.ToUpperInvariant()}</span> <code>{E(path)}</code> {E((string)operation["summary"]!)}</h2>
            {MiniMarkdown.ToHtml((string)operation["description"]!)}
            <p class="auth">{(anonymous ? "Anonymous." : "In Azure: needs a function key.")}</p>
            """);

        if (parameters.Count > 0)
        {
            html.Append("<h3>Parameters</h3><table><thead><tr><th>name</th><th>in</th><th>type</th><th>default</th><th>limits</th><th>description</th><th>example</th></tr></thead><tbody>");
            foreach (var parameter in parameters)
            {
                var schema = parameter["schema"]!.AsObject();
                var required = parameter["required"]?.GetValue<bool>() == true ? " <span class=\"required\">required</span>" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr><td><code>{E((string)parameter["name"]!)}</code>{required}</td><td>{E((string)parameter["in"]!)}</td><td>{TypeOf(schema)}</td><td>{Default(schema)}</td><td>{Limits(schema)}</td><td>{MiniMarkdown.Inline((string)parameter["description"]!)}</td><td>{Example(parameter["example"])}</td></tr>
                    """);
            }

            html.Append("</tbody></table>");
        }

        var bodyExample = (JsonNode?)null;
        if (operation["requestBody"]?["content"]?["application/json"] is { } body)
        {
            bodyExample = body["example"];
            html.Append(CultureInfo.InvariantCulture, $"""
                <h3>Request body</h3><p><code>application/json</code>: {TypeOf(body["schema"]!.AsObject())}</p>
                <pre>{E(bodyExample?.ToJsonString(PipelineJson.Indented) ?? string.Empty)}</pre>
                """);
        }

        html.Append("<h3>Responses</h3><table><thead><tr><th>status</th><th>description</th><th>body</th></tr></thead><tbody>");
        foreach (var (status, reference) in operation["responses"]!.AsObject())
        {
            var response = Resolve(document, reference!.AsObject());
            var content = response["content"]?.AsObject().FirstOrDefault();
            var bodyType = content is { Key: { } mediaType, Value: { } media }
                ? $"<code>{E(mediaType)}</code> {TypeOf(media["schema"]!.AsObject())}"
                : string.Empty;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(status)}</td><td>{MiniMarkdown.Inline((string)response["description"]!)}</td><td>{bodyType}</td></tr>");
        }

        html.Append("</tbody></table>");

        if (operation["x-examples"] is JsonArray examples)
        {
            html.Append("<h3>Examples</h3><ul class=\"examples\">");
            foreach (var example in examples)
            {
                var url = $"{path}?{(string)example!["query"]!}";
                html.Append(CultureInfo.InvariantCulture,
                    $"""<li><a class="try-link" href="{E(url)}">{E((string)example["summary"]!)}</a> <code>{E(Uri.UnescapeDataString(url))}</code></li>""");
            }

            html.Append("</ul>");
        }

        RenderTryIt(html, path, method, parameters, bodyExample);
        html.Append("</section>");
    }

    private static void RenderTryIt(StringBuilder html, string path, string method, List<JsonObject> parameters, JsonNode? bodyExample)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"""<h3>Try it</h3><form class="try" data-method="{method.ToUpperInvariant()}" data-path="{E(path)}">""");
        foreach (var parameter in parameters)
        {
            var name = E((string)parameter["name"]!);
            var location = E((string)parameter["in"]!);
            var example = parameter["example"] switch
            {
                JsonArray values => string.Join('\n', values.Select(v => (string?)v)),
                { } value => value.ToString(),
                null => string.Empty,
            };

            // Path parameters start filled in, so the form works at once; the rest only suggest a value.
            var control = parameter["schema"]?["type"]?.GetValue<string>() == "array"
                ? $"""<textarea name="{name}" data-in="{location}" rows="2" placeholder="{E(example)} (one per line)"></textarea>"""
                : location == "path"
                    ? $"""<input name="{name}" data-in="{location}" value="{E(example)}">"""
                    : $"""<input name="{name}" data-in="{location}" placeholder="{E(example)}">""";
            html.Append(CultureInfo.InvariantCulture, $"<label><code>{name}</code> {control}</label>");
        }

        if (bodyExample is not null)
        {
            html.Append("<label>body <textarea name=\"body\" rows=\"10\">")
                .Append(E(bodyExample.ToJsonString(PipelineJson.Indented)))
                .Append("</textarea></label>");
        }

        html.Append("""<button type="submit">Send</button><pre class="response" hidden></pre></form>""");
    }

    private static void RenderSchema(StringBuilder html, string name, JsonObject schema)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"""<h3 id="schema-{E(name)}">{E(name)}</h3>{MiniMarkdown.ToHtml((string?)schema["description"] ?? string.Empty)}""");
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        var required = schema["required"]?.AsArray().Select(r => (string?)r).ToHashSet() ?? [];
        html.Append("<table><thead><tr><th>property</th><th>type</th><th>limits</th><th>description</th></tr></thead><tbody>");
        foreach (var (property, node) in properties)
        {
            var propertySchema = node!.AsObject();
            var marker = required.Contains(property) ? " <span class=\"required\">always</span>" : string.Empty;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{E(property)}</code>{marker}</td><td>{TypeOf(propertySchema)}</td><td>{Limits(propertySchema)}</td><td>{MiniMarkdown.Inline((string?)propertySchema["description"] ?? string.Empty)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static JsonObject Resolve(JsonObject document, JsonObject node)
    {
        if (node["$ref"] is not JsonValue reference)
        {
            return node;
        }

        JsonNode target = document;
        foreach (var segment in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
        {
            target = target[segment] ?? throw new InvalidOperationException($"The OpenAPI document has no '{reference}'.");
        }

        return target.AsObject();
    }

    private static string TypeOf(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            return $"""<a href="#schema-{E(name)}">{E(name)}</a>""";
        }

        if (schema["allOf"] is JsonArray { Count: 1 } allOf)
        {
            return TypeOf(allOf[0]!.AsObject());
        }

        var type = (string?)schema["type"] ?? "any";
        var text = type switch
        {
            "array" => "array of " + TypeOf(schema["items"]!.AsObject()),
            "object" when schema["additionalProperties"] is JsonObject values => "map of " + TypeOf(values),
            _ when schema["enum"] is JsonArray values => "one of " + string.Join(", ", values.Select(v => $"<code>{E((string)v!)}</code>")),
            _ when schema["format"] is JsonValue format => $"{E(type)} ({E(format.GetValue<string>())})",
            _ => E(type),
        };
        return schema["nullable"]?.GetValue<bool>() == true ? text + " or null" : text;
    }

    private static string Default(JsonObject schema) =>
        schema["default"] is { } value ? $"<code>{E(value.ToJsonString().Trim('"'))}</code>" : string.Empty;

    private static string Limits(JsonObject schema)
    {
        var limits = new List<string>();
        if (schema["minimum"] is { } minimum && schema["maximum"] is { } maximum)
        {
            limits.Add($"{minimum}–{maximum}");
        }

        if (schema["minLength"] is { } minLength)
        {
            limits.Add($"≥ {minLength} characters");
        }

        if (schema["maxLength"] is { } maxLength)
        {
            limits.Add($"≤ {maxLength} characters");
        }

        if (schema["maxItems"] is { } maxItems)
        {
            limits.Add($"≤ {maxItems} items");
        }

        if (schema["items"] is JsonObject items && Limits(items) is { Length: > 0 } itemLimits)
        {
            limits.Add("each " + itemLimits);
        }

        return string.Join(", ", limits);
    }

    private static string Example(JsonNode? example) => example switch
    {
        null => string.Empty,
        JsonArray values => string.Join(" ", values.Select(v => $"<code>{E((string)v!)}</code>")),
        _ => $"<code>{E(example.ToString())}</code>",
    };

    private static string Id(JsonObject operation) => (string)operation["operationId"]!;

    private static string E(string text) => HtmlText.Encode(text);

    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f23;background:#fff}
        header,main{max-width:72rem;margin:0 auto;padding:0 1.5rem}
        header{padding-top:1rem;border-bottom:1px solid #ddd}
        h1 small{font-size:.55em;color:#666;font-weight:normal}
        nav{max-width:72rem;margin:0 auto;padding:.5rem 1.5rem}
        nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:0}
        nav a{text-decoration:none;color:#0b5394}
        section.operation{border-top:1px solid #ddd;margin-top:2rem}
        .method{display:inline-block;min-width:3.2em;text-align:center;border-radius:4px;padding:0 .35em;color:#fff;font-size:.8em;font-weight:600}
        .method.get{background:#2f7d32}.method.post{background:#1565c0}.method.delete{background:#b71c1c}
        code,pre,textarea,input{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
        pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:4px}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}
        th,td{border:1px solid #e1e4e8;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}
        .required{color:#b71c1c;font-size:.8em}
        .auth{color:#555;font-style:italic}
        form.try{display:grid;gap:.4rem;max-width:48rem;background:#fafbfc;border:1px solid #e1e4e8;padding:.75rem;border-radius:4px}
        form.try label{display:grid;grid-template-columns:12rem 1fr;align-items:center;gap:.5rem}
        form.try button{justify-self:start;padding:.3rem 1rem}
        header label{display:block;margin:.5rem 0 1rem}
        header input{width:24rem;max-width:100%}
        """;

    // Builds the request from the form, adds the function key when one is typed, and shows status and body.
    private const string Script = """
        "use strict";
        document.querySelectorAll("form.try").forEach(function (form) {
          form.addEventListener("submit", async function (event) {
            event.preventDefault();
            var path = form.dataset.path;
            var query = new URLSearchParams();
            form.querySelectorAll("[data-in]").forEach(function (input) {
              if (input.value === "") { return; }
              if (input.dataset.in === "path") { path = path.replace("{" + input.name + "}", encodeURIComponent(input.value)); }
              else { input.value.split("\n").forEach(function (v) { if (v !== "") { query.append(input.name, v); } }); }
            });
            var headers = {};
            var key = document.getElementById("function-key").value;
            if (key) { headers["x-functions-key"] = key; }
            var init = { method: form.dataset.method, headers: headers };
            var body = form.querySelector("textarea[name=body]");
            if (body) { init.body = body.value; headers["Content-Type"] = "application/json"; }
            var url = path + (query.toString() ? "?" + query.toString() : "");
            var output = form.querySelector("pre.response");
            output.hidden = false;
            output.textContent = init.method + " " + url + "\n…";
            try {
              var response = await fetch(url, init);
              var text = await response.text();
              try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { }
              output.textContent = init.method + " " + url + "\n" + response.status + " " + response.statusText + "\n\n" + text;
            } catch (e) {
              output.textContent = init.method + " " + url + "\n" + e;
            }
          });
        });
        """;
}
