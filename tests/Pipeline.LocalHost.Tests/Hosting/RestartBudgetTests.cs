using Pipeline.LocalHost.Hosting;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.Hosting;

/// <summary>The run command restarts a failed host, but not one that keeps failing.</summary>
public sealed class RestartBudgetTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void Allows_as_many_restarts_as_its_budget_within_the_window_and_refuses_the_next()
    {
        var budget = new RestartBudget(3, TimeSpan.FromMinutes(10), _clock);

        var taken = Enumerable.Range(0, 4).Select(_ => budget.TryTake()).ToList();

        Assert.Equal([true, true, true, false], taken);
    }

    [Fact]
    public void Forgets_restarts_older_than_the_window()
    {
        var budget = new RestartBudget(2, TimeSpan.FromMinutes(10), _clock);
        budget.TryTake();
        budget.TryTake();

        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(budget.TryTake());
    }
}
