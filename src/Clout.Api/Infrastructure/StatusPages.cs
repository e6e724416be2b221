using Clout.Api.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace Clout.Api.Infrastructure;

/// <summary>Bodies for bare status codes (unknown URLs, wrong methods): Klout's shape on its paths, ProblemDetails elsewhere.</summary>
public static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (KloutPaths.IsKlout(http.Request.Path))
        {
            await KloutError.Result(status, status == 404 ? "Not Found" : "Error").ExecuteAsync(http);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Detail = status == 404 ? $"no resource at {http.Request.Path}; see {CloutApi.DocsPath}" : null },
        });
    }
}
