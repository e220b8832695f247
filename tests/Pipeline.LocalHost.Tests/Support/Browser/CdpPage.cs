using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.LocalHost.Tests.Support.Browser;

/// <summary>
/// One browser tab over the Chrome DevTools Protocol: commands are JSON messages with an id over a WebSocket, answered
/// by a message with the same id; everything else is an event. Only what the page tests need: navigate, evaluate,
/// real mouse clicks and typing, screenshots, and the page's own errors.
/// </summary>
public sealed class CdpPage : IAsyncDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _nextId;

    private CdpPage(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Uncaught exceptions, console errors and browser log errors (a blocked resource, a CSP violation) so far.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public static async Task<CdpPage> ConnectAsync(Uri webSocket, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(webSocket, cancellationToken);
        var page = new CdpPage(socket);
        await page.SendAsync("Page.enable", null, cancellationToken);
        await page.SendAsync("Runtime.enable", null, cancellationToken);
        await page.SendAsync("Log.enable", null, cancellationToken);
        return page;
    }

    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var response = await answer.Task.WaitAsync(CommandLimit, cancellationToken);
        if (response["error"] is JsonObject error)
        {
            throw new InvalidOperationException($"{method} failed: {error["message"]} {error["data"]}");
        }

        return response["result"]?.AsObject() ?? [];
    }

    /// <summary>The page at <paramref name="width"/> × <paramref name="height"/> CSS pixels; a phone also gets touch and mobile layout.</summary>
    public Task SetViewportAsync(int width, int height, bool mobile, CancellationToken cancellationToken) =>
        SendAsync(
            "Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile },
            cancellationToken);

    public Task NavigateAsync(Uri url, CancellationToken cancellationToken) =>
        SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);

    /// <summary>Evaluates <paramref name="expression"/> in the page (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync(
            "Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true },
            cancellationToken);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new InvalidOperationException($"'{expression}' threw: {exception["exception"]?["description"] ?? exception["text"]}");
        }

        return result["result"]?["value"]?.DeepClone();
    }

    public async Task<string?> TextAsync(string selector, CancellationToken cancellationToken) =>
        (string?)await EvaluateAsync($"document.querySelector({Js(selector)})?.textContent ?? null", cancellationToken);

    public async Task<IReadOnlyList<string>> TextsAsync(string selector, CancellationToken cancellationToken)
    {
        var texts = await EvaluateAsync($"[...document.querySelectorAll({Js(selector)})].map(e => e.textContent.trim())", cancellationToken);
        return [.. texts!.AsArray().Select(t => (string)t!)];
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> (a JavaScript expression) is true, and fails with <paramref name="describe"/>
    /// and what the page shows when it does not become true in time.
    /// </summary>
    public async Task WaitForAsync(string condition, string describe, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(WaitLimit);
        string? lastError = null;
        try
        {
            while (true)
            {
                try
                {
                    if (await EvaluateAsync($"!!({condition})", limit.Token) is JsonValue value && value.GetValue<bool>())
                    {
                        return;
                    }
                }
                catch (InvalidOperationException exception)
                {
                    // While a new document loads, the condition may read what is not there yet.
                    lastError = exception.Message;
                }

                await Task.Delay(100, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var shown = await EvaluateAsync("location.href + '\\n' + document.body.innerText.slice(0, 2000)", cancellationToken);
            Assert.Fail($"Waited {WaitLimit.TotalSeconds:0} s for {describe} ({condition}). The page showed:\n{shown}\nLast evaluation error: {lastError ?? "none"}\nPage errors: [{string.Join("; ", _errors)}]");
        }
    }

    /// <summary>Scrolls the element into view and clicks the middle of its (first line's) box with the mouse, as a person would.</summary>
    public async Task ClickAsync(string selector, CancellationToken cancellationToken)
    {
        await WaitForAsync($"document.querySelector({Js(selector)})", $"an element to click matching {selector}", cancellationToken);
        var box = (await EvaluateAsync(
            $$"""
            (() => {
              const element = document.querySelector({{Js(selector)}});
              element.scrollIntoView({ block: "center" });
              // A link that wraps has one box per line; the middle of their bounding box may be on neither.
              const r = element.getClientRects()[0] ?? element.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              const top = document.elementFromPoint(x, y);
              return { x, y, hit: !!top && (top === element || element.contains(top)), over: top ? top.outerHTML.slice(0, 200) : "nothing", width: innerWidth, height: innerHeight };
            })()
            """,
            cancellationToken))!.AsObject();
        Assert.True(
            (bool)box["hit"]!,
            $"The middle of {selector} ({box["x"]}, {box["y"]} in a {box["width"]}x{box["height"]} viewport) is covered by {box["over"]}; a click there would not reach it.");
        foreach (var type in new[] { "mouseMoved", "mousePressed", "mouseReleased" })
        {
            await SendAsync(
                "Input.dispatchMouseEvent",
                new JsonObject { ["type"] = type, ["x"] = box["x"]!.DeepClone(), ["y"] = box["y"]!.DeepClone(), ["button"] = "left", ["clickCount"] = 1 },
                cancellationToken);
        }
    }

    /// <summary>Types <paramref name="text"/> into the focused element one character at a time.</summary>
    public async Task TypeAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var character in text)
        {
            await SendAsync("Input.insertText", new JsonObject { ["text"] = character.ToString() }, cancellationToken);
            await Task.Delay(40, cancellationToken);
        }
    }

    public Task PressAsync(string key, CancellationToken cancellationToken) =>
        PressKeyAsync(key, key == "Enter" ? 13 : 0, key == "Enter" ? "\r" : null, cancellationToken);

    /// <summary>Saves a PNG of the whole page (not only the viewport).</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken)
    {
        var result = await SendAsync(
            "Page.captureScreenshot",
            new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true },
            cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The browser is going away too.
        }

        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _closing.Dispose();
    }

    private static string Js(string value) => JsonSerializer.Serialize(value);

    private async Task PressKeyAsync(string key, int keyCode, string? text, CancellationToken cancellationToken)
    {
        var down = new JsonObject { ["type"] = "keyDown", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = keyCode };
        if (text is not null)
        {
            down["text"] = text;
        }

        await SendAsync("Input.dispatchKeyEvent", down, cancellationToken);
        await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = keyCode }, cancellationToken);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _closing.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                break;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var json = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            if (json["id"] is JsonValue id && _pending.TryRemove(id.GetValue<int>(), out var answer))
            {
                answer.TrySetResult(json);
            }
            else
            {
                RecordError(json);
            }
        }

        foreach (var answer in _pending.Values)
        {
            answer.TrySetException(new WebSocketException("The DevTools connection closed."));
        }
    }

    private void RecordError(JsonObject message)
    {
        var parameters = message["params"];
        var method = message["method"]?.GetValue<string>();
        var level = parameters?["type"]?.GetValue<string>() ?? parameters?["entry"]?["level"]?.GetValue<string>();
        if (method == "Runtime.exceptionThrown")
        {
            var details = parameters?["exceptionDetails"];
            _errors.Enqueue("exception: " + (details?["exception"]?["description"] ?? details?["text"]));
        }
        else if (method == "Runtime.consoleAPICalled" && level == "error")
        {
            _errors.Enqueue("console.error: " + parameters?["args"]?.ToJsonString());
        }
        else if (method == "Log.entryAdded" && level == "error")
        {
            var entry = parameters?["entry"];
            _errors.Enqueue("log: " + entry?["text"] + " " + entry?["url"]);
        }
    }
}
