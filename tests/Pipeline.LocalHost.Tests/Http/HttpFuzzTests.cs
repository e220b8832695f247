using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pipeline.Api;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;

namespace Pipeline.LocalHost.Tests.Http;

/// <summary>
/// The HTTP API under fuzzed and malicious requests: no 5xx ever, every body JSON with HTML-sensitive characters
/// escaped, limits enforced with a 4xx. Requests are generated from fixed seeds, so a failure repeats.
/// </summary>
public sealed class HttpFuzzTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int RequestsPerRoute = 150;

    private static readonly string[] Nasty =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE articles; --", "*:*", "title:*",
        "id:* OR 1=1", "title:(a OR b) AND NOT c", "\\", "\"unbalanced", "((((((((", "))))", "[a TO z]", "{a TO z}", "a~", "a~999",
        "a^1e308", "/regex.*/", "?*", "+-&&||!(){}[]^\"~*?:\\/", "search.ismatch('x')", "$filter=1 eq 1", "' or ''='",
        "x eq 'y' or true", "geo.distance(location, geography'POINT(0 0)') lt 1", "%00", "\0", "\u0001\u0002\u0003", "\u202E",
        "\uFEFF", "\U0001F600", "\uD800", "e\u0301", "../../../etc/passwd", "..\\..\\windows", "${jndi:ldap://x}", "{{7*7}}",
        "AND", "OR", "NOT", "-", "+", "\"\"", "a AND", "title:", ":", "*", "***", "a*b*c*d*e*f*g*", new string('(', 500),
        new string('a', 999), new string('a', 1001), "9999999999999999999999", "-1", "NaN", "1e5", "0x10", " 1", "1 ",
    ];

    private static readonly string[] RelatedIdsAndArticleIds =
    [
        "..", "...", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a/b", "A", "UPPER-case", "id with space", "<script>", "x'y", "x\"y",
        "%00", "%C3%28", "%FF", "%", "%%", "%zz", "\U0001F600", new string('a', 70), new string('a', 10_000), "a-b-c-0123abcd", "-",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly LocalHostScope _scope = new();
    private RunningLocalHost? _host;

    private RunningLocalHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _host = await RunningLocalHost.StartAsync(azurite.ConnectionString, _scope, Ct);
        using var files = new TemporaryDirectory("http-fuzz");
        var hostile = files.WriteFile(
            "hostile.txt",
            "Script <script>alert(1)</script> in the title\n\nThe body says <b onmouseover=\"alert(2)\">bold</b> & \"quoted\" script things about the script tag.\n");
        var plain = files.WriteFile("plain.txt", "Harbour council approves sea wall\n\nThe council voted for the sea wall after two winters of floods.\n");
        await Host.UploadAsync(Ct, new UploadItem(hostile, "hostile.txt"), new UploadItem(plain, "plain.txt"));
        await Host.WaitForSearchHitAsync("harbour", "Harbour council approves sea wall", Ct);
        await Host.WaitForAsync(async ct => (await Host.SearchAsync("script", ct)).Value.FirstOrDefault(), () => "the hostile article", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _scope.Dispose();
    }

    [Fact]
    public async Task Fuzzed_search_queries_never_fail_with_a_server_error()
    {
        var random = new Random(1);
        for (var i = 0; i < RequestsPerRoute; i++)
        {
            var query = string.Join('&', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Parameter(random)));
            await AssertHandledAsync(HttpMethod.Get, $"/api/search?{query}");
        }
    }

    [Fact]
    public async Task Fuzzed_article_and_related_ids_get_a_client_error_never_a_server_error()
    {
        foreach (var id in RelatedIdsAndArticleIds)
        {
            var status = await AssertHandledAsync(HttpMethod.Get, $"/api/articles/{Uri.EscapeDataString(id)}");
            Assert.True((int)status is >= 400 and < 500, $"{id}: {status}");
            status = await AssertHandledAsync(HttpMethod.Get, $"/api/articles/{Uri.EscapeDataString(id)}/related?top={Uri.EscapeDataString(Value(new Random(id.Length)))}");
            Assert.True((int)status is >= 400 and < 500, $"{id}: {status}");
        }
    }

    [Fact]
    public async Task Fuzzed_json_bodies_never_fail_with_a_server_error()
    {
        var random = new Random(2);
        string[] paths = ["/api/search", "/api/articles/plain-00000000", "/api/health", "/api/search?q=sea"];
        for (var i = 0; i < RequestsPerRoute; i++)
        {
            var body = JsonBody(random, depth: 0);
            await AssertHandledAsync(HttpMethod.Post, paths[i % paths.Length], new StringContent(body, Encoding.UTF8, "application/json"));
        }

        await AssertHandledAsync(HttpMethod.Post, "/api/search", new StringContent(new string('[', 100_000), Encoding.UTF8, "application/json"));
        await AssertHandledAsync(HttpMethod.Post, "/api/search", new ByteArrayContent([0xFF, 0xFE, 0x00, 0xC3, 0x28]));
    }

    [Fact]
    public async Task Health_answers_whatever_the_query_string_holds()
    {
        var random = new Random(3);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await AssertHandledAsync(HttpMethod.Get, $"/api/health?{Parameter(random)}"));
        }
    }

    [Theory]
    [InlineData("/api/search?q=%ZZ")]
    [InlineData("/api/search?q=%C3%28%FF%FE")]
    [InlineData("/api/search?q=%00%01%1B")]
    [InlineData("/api/search?q=%E0%80%AF")]
    [InlineData("/api/search?q=%ED%A0%80")]
    [InlineData("/api/search?top=%F0%9F%98%80")]
    [InlineData("/api/articles/%C0%AE%C0%AE%2F")]
    [InlineData("/api/articles/..%2F..%2Fetc%2Fpasswd/related")]
    [InlineData("/api/search?q=a&q=b&q=c&top=1&top=2")]
    [InlineData("/api/search?=&&&=&q")]
    public async Task Invalid_percent_encoding_sent_raw_is_handled(string target)
    {
        var (status, body) = await SendRawAsync(target);

        Assert.True(status is >= 200 and < 500, $"{target}: {status}{Environment.NewLine}{body}");
    }

    [Fact]
    public async Task Query_over_the_length_limit_is_a_bad_request_that_says_so()
    {
        using var response = await Host.Http.GetAsync($"/api/search?q={new string('a', ApiLimits.MaxQueryLength + 1)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{ApiLimits.MaxQueryLength}", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("top=101")]
    [InlineData("top=-1")]
    [InlineData("skip=100001")]
    [InlineData("top=2147483648")]
    public async Task Top_and_skip_outside_their_limits_are_bad_requests(string parameter)
    {
        using var response = await Host.Http.GetAsync($"/api/search?q=sea&{parameter}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_request_line_longer_than_the_server_accepts_is_refused_with_a_client_error()
    {
        var (status, _) = await SendRawAsync($"/api/search?q={new string('a', 64 * 1024)}");

        Assert.InRange(status, 400, 499);
    }

    [Fact]
    public async Task Markup_in_articles_and_in_queries_comes_back_escaped()
    {
        foreach (var target in new[] { "/api/search?q=script", "/api/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/api/search?q=%3Cscript%3E&top=abc" })
        {
            using var response = await Host.Http.GetAsync(target, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b ", body, StringComparison.OrdinalIgnoreCase);
            using var json = JsonDocument.Parse(body);
            if (response.IsSuccessStatusCode)
            {
                Assert.Contains(json.RootElement.GetProperty("value").EnumerateArray(), hit => hit.GetProperty("title").GetString()!.Contains("<script>", StringComparison.Ordinal));
            }
        }
    }

    private static string Parameter(Random random)
    {
        string[] names = ["q", "top", "skip", "q", "q", "filter", "$filter", "orderby", "searchFields", "highlight", "facet", "queryType", "searchMode", "select", "x", "", "q[]"];
        var name = names[random.Next(names.Length)];
        return $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(Value(random))}";
    }

    private static string Value(Random random) => random.Next(4) switch
    {
        0 => Nasty[random.Next(Nasty.Length)],
        1 => string.Concat(Nasty[random.Next(Nasty.Length)], " ", Nasty[random.Next(Nasty.Length)]),
        2 => random.Next(-5, 200_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => RandomText(random),
    };

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 60)];
        for (var i = 0; i < chars.Length; i++)
        {
            // Mostly printable ASCII, some controls, some of the rest of the BMP (lone surrogates included).
            chars[i] = random.Next(10) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0xFFFF),
                _ => (char)random.Next(32, 127),
            };
        }

        return new string(chars);
    }

    private static string JsonBody(Random random, int depth)
    {
        var choice = depth > 6 ? random.Next(4) : random.Next(8);
        return choice switch
        {
            0 => JsonSerializer.Serialize(Value(random)),
            1 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => random.Next(2) == 0 ? "true" : "null",
            3 => Value(random),
            4 or 5 => "{" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ =>
                $"{JsonSerializer.Serialize(new[] { "q", "top", "skip", "filter", "orderBy", "facets", "highlight", "searchFields", "x" }[random.Next(9)])}:{JsonBody(random, depth + 1)}")) + "}",
            6 => "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => JsonBody(random, depth + 1))) + "]",
            _ => "{\"q\": " + JsonBody(random, depth + 1),
        };
    }

    private async Task<HttpStatusCode> AssertHandledAsync(HttpMethod method, string target, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, target) { Content = content };
        using var response = await Host.Http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode < 500, $"{method} {target}: {(int)response.StatusCode}{Environment.NewLine}{body}{Environment.NewLine}{Host.Logs.Summary()}");
        if (body.Length > 0)
        {
            Assert.Contains("json", response.Content.Headers.ContentType?.MediaType ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain('<', body);
            Assert.DoesNotContain('>', body);
            using var _ = JsonDocument.Parse(body);
        }

        return response.StatusCode;
    }

    /// <summary>Sends a request line as given, bytes and all, past the client's URI checks.</summary>
    private async Task<(int Status, string Body)> SendRawAsync(string target)
    {
        var address = Host.Host.Urls[0];
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, Ct);
        await using var stream = client.GetStream();
        var request = Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request, Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(Ct);
        var statusLine = response.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ');
        return (parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, response);
    }
}
