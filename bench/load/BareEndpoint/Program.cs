// The ceiling for the API's own overhead: a minimal ASP.NET Core endpoint with the JSON shape of /api/health and no
// index behind it, built the way a default web app is (logging providers cleared). bench/load/http_load.py loads it
// with wrk in the same run as the API.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/api/health", () => Results.Json(new { status = "healthy", articles = 2225 }));
app.Run(args.Length > 0 ? args[0] : "http://127.0.0.1:7079");
