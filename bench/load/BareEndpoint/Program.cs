// The ceiling for the API's own overhead: a minimal ASP.NET Core endpoint with the JSON shape of /api/health and no
// index behind it. bench/load/http.py loads it with wrk in the same run as the API.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/api/health", () => Results.Json(new Health("healthy", 2225), HealthJson.Default.Health));
app.Run(args.Length > 0 ? args[0] : "http://127.0.0.1:7079");

internal sealed record Health(string Status, int Articles);

[System.Text.Json.Serialization.JsonSerializable(typeof(Health))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
