using System.CommandLine;
using System.Net;
using System.Text.Json;
using Pipeline.Cli.CommandLine;
using Pipeline.LocalHost.Hosting;

namespace Pipeline.Cli.Query;

/// <summary>
/// The pipeline's HTTP API, which <c>search</c>, <c>show</c> and <c>related</c> read: a running local host holds the
/// embedded index's write lock, and the API answers exactly as the page and other clients see it, from the local host
/// or from the Function App in Azure alike.
/// </summary>
internal sealed class ApiConnection
{
    public const string UrlVariable = "PIPELINE_API_URL";
    public const string KeyVariable = "PIPELINE_API_KEY";

    private readonly Option<string> _url = new("--api")
    {
        Description = $"Base URL of the pipeline API: the local host, or a Function App (https://<app>.azurewebsites.net). Default: ${UrlVariable}, else {LocalHostOptions.DefaultUrl}.",
        HelpName = "url",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : LocalHostOptions.DefaultUrl,
    };

    private readonly Option<string?> _key = new("--api-key")
    {
        Description = $"Function key, for a Function App in Azure (sent as x-functions-key). Default: ${KeyVariable}.",
        HelpName = "key",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(KeyVariable),
    };

    public TCommand AddTo<TCommand>(TCommand command)
        where TCommand : Command
    {
        _url.Validators.Add(result => OptionRules.AbsoluteHttpUrl(result));
        command.Options.Add(_url);
        command.Options.Add(_key);
        return command;
    }

    /// <summary>GETs <c>/api/{path}</c>; null when the API answers 404.</summary>
    /// <exception cref="ServiceUnavailableException">Nothing answers at the API's URL.</exception>
    /// <exception cref="CommandUsageException">The API refused the request (400): its message says why.</exception>
    public async Task<JsonDocument?> GetAsync(ParseResult parsed, string pathAndQuery, CancellationToken cancellationToken)
    {
        // A trailing slash, so "api/search" lands under a base URL that has a path of its own.
        var baseUrl = new Uri(parsed.GetValue(_url)!.TrimEnd('/') + "/");
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(100) };
        if (parsed.GetValue(_key) is { Length: > 0 } key)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync($"api/{pathAndQuery}", cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException(
                $"no pipeline API at {baseUrl} ({ex.Message}). Start it with: {PipelineCli.RunHint} run, or name it with --api.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new CommandUsageException(ProblemDetail(body) ?? "the API refused the request.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ServiceUnavailableException($"the API at {baseUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}: {ProblemDetail(body) ?? body}");
            }

            return JsonDocument.Parse(body);
        }
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString()
                : problem.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
