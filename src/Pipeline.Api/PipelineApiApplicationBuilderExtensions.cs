using Microsoft.AspNetCore.Builder;

namespace Pipeline.Api;

public static class PipelineApiApplicationBuilderExtensions
{
    /// <summary>
    /// For hosts other than Azure Functions: answers what the handlers never see — an unknown route (404), a method a
    /// route does not take such as <c>DELETE /api/articles/{id}</c> (405), an unhandled failure (500) — with the same
    /// problem+json the handlers write. Needs <see cref="PipelineApiServiceCollectionExtensions.AddPipelineApi"/>.
    /// </summary>
    public static IApplicationBuilder UsePipelineApiProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
