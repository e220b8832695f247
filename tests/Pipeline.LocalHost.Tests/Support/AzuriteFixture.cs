using Pipeline.LocalHost.Azurite;

namespace Pipeline.LocalHost.Tests.Support;

/// <summary>The Azurite the tests share (see AssemblyInfo.cs), on free ports, with its data in a temporary folder removed afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("azurite");
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async ValueTask InitializeAsync() =>
        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteStartOptions { Location = _data.Path, UseFreePorts = true, StartTimeout = TimeSpan.FromMinutes(2) }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _data.Dispose();
    }
}
