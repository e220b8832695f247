using System.Net;
using System.Text;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>
/// Stands in for the Azure AI Search service at the HTTP level: records each request the SDK sends and answers
/// with the status and JSON body the test set up for it.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, string?, (HttpStatusCode Status, string Body)> _respond;

    public RecordingHandler(Func<HttpRequestMessage, string?, (HttpStatusCode Status, string Body)> respond) => _respond = respond;

    public List<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, body));
        var (status, json) = _respond(request, body);
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
