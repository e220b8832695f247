using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Functions.Telemetry;
using Pipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPipeline(builder.Configuration);
builder.Services.AddFunctionsTelemetry(builder.Configuration);

// Azure.Core logs every storage request at Information; that drowns the pipeline's own messages.
builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);

builder.Build().Run();
