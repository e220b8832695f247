using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

public sealed class IngestOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_defaults()
    {
        Assert.True(new IngestOptionsValidator().Validate(null, new IngestOptions()).Succeeded);
    }

    [Fact]
    public void Names_every_setting_out_of_range_with_the_value_it_had()
    {
        var result = new IngestOptionsValidator().Validate(null, new IngestOptions { MaxAttempts = 0, MaxRetries = -1, MaxRetryDelay = TimeSpan.FromSeconds(-1) });

        Assert.Equal(
            [
                "Pipeline:Ingest:MaxAttempts must be at least 1 (was 0)",
                "Pipeline:Ingest:MaxRetries must be at least 0 (was -1)",
                "Pipeline:Ingest:MaxRetryDelay must not be negative (was -00:00:01)",
            ],
            result.Failures);
    }

    [Fact]
    public void Core_registration_refuses_bad_options_when_they_are_first_read()
    {
        using var services = new ServiceCollection()
            .AddPipelineCore()
            .Configure<IngestOptions>(options => options.MaxConcurrency = 0)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IngestOptions>>().Value);

        Assert.Equal("Pipeline:Ingest:MaxConcurrency must be at least 1 (was 0)", error.Message);
    }
}
