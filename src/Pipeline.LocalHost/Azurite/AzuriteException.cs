namespace Pipeline.LocalHost.Azurite;

/// <summary>Azurite could not be found, installed or started; the message says what to do.</summary>
public sealed class AzuriteException(string message, Exception? innerException = null) : Exception(message, innerException);
