namespace Pipeline.Api.Binding;

/// <summary>A request refused as a whole, before any parameter is read: wrong media type, body too large.</summary>
internal sealed class RequestRejectedException(int statusCode, string title, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}
