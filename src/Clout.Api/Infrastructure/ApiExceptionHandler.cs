using Clout.Api.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace Clout.Api.Infrastructure;

/// <summary>
/// Turns the application's exceptions into answers: ProblemDetails on our API, Klout's error body on the
/// compatibility paths. Unknown names are 404, bad parameters 400; anything else is a 500 without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            KeyNotFoundException => (404, "Not found"),
            ArgumentException or FormatException => (400, "Bad request"),
            OperationCanceledException => (499, "Cancelled"),
            _ => (500, "Server error"),
        };
        var detail = status == 500 ? "the server failed to answer; see its log" : exception.Message;
        httpContext.Response.StatusCode = status;
        if (KloutPaths.IsKlout(httpContext.Request.Path))
        {
            var description = status switch
            {
                404 => "User not found.",
                400 => detail,
                _ => "Internal Server Error",
            };
            await KloutError.Result(status, description).ExecuteAsync(httpContext);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
