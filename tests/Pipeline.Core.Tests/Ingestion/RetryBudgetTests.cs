using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>The retry policy is the budget of what no client library retries; what a client retried already is not retried again.</summary>
public sealed class RetryBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fault_the_client_library_has_retried_already_is_not_retried_again()
    {
        var policy = Policy(new ClientRetriedFaults());
        var calls = 0;

        await Assert.ThrowsAsync<ClientGaveUpException>(() => policy.ExecuteAsync("Storage call", _ => { calls++; throw new ClientGaveUpException(); }, Ct));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_disk_fault_is_retried_by_the_policy_up_to_its_budget()
    {
        var policy = Policy(new ClientRetriedFaults());
        var calls = 0;

        await Assert.ThrowsAsync<IOException>(() => policy.ExecuteAsync("Index write", _ => { calls++; throw new IOException("No space left on device"); }, Ct));

        Assert.Equal(new IngestOptions().MaxRetries + 1, calls);
    }

    [Fact]
    public async Task A_stop_ends_the_retries_of_the_call_in_hand()
    {
        var policy = Policy(new ClientRetriedFaults(), TimeSpan.FromMinutes(1));
        using var stop = new IngestStopSignal(TimeProvider.System);
        var calls = 0;

        var call = policy.ExecuteAsync("Index write", _ => { calls++; throw new IOException("No space left on device"); }, stop.Token);
        stop.BeginStop(TimeSpan.Zero);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, calls);
    }

    private static RetryPolicy Policy(ITransientFaultDetector detector, TimeSpan? delay = null)
    {
        var options = new IngestOptions { InitialRetryDelay = delay ?? TimeSpan.FromMilliseconds(1), MaxRetryDelay = delay ?? TimeSpan.FromMilliseconds(1) };
        return new RetryPolicy(new TransientFaults([detector]), Options.Create(options), TimeProvider.System, NullLogger<RetryPolicy>.Instance);
    }

    private sealed class ClientGaveUpException() : Exception("Service unavailable after the client's retries");

    private sealed class ClientRetriedFaults : ITransientFaultDetector
    {
        public bool? IsTransient(Exception exception) => exception is ClientGaveUpException ? true : null;

        public bool IsRetriedByClient(Exception exception) => exception is ClientGaveUpException;
    }
}
